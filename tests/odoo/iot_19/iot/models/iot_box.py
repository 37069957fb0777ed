from odoo import api, fields, models


class IotBox(models.Model):
    _name = "iot.box"
    _description = "IoT Box"

    name = fields.Char(required=True)
    identifier = fields.Char(string="Identifier (Mac Address)", readonly=True)
    ip = fields.Char(string="Domain Address", readonly=True)
    version = fields.Char(readonly=True)
    version_commit_url = fields.Char(compute="_compute_version_commit_url")
    drivers_auto_update = fields.Boolean(default=True)
    # Written by the box itself (POST /iot/box/update_certificate_status), at boot and daily.
    ssl_certificate_end_date = fields.Datetime(readonly=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
    device_ids = fields.One2many("iot.device", "iot_id")
    device_count = fields.Integer(compute="_compute_device_count")

    def _compute_version_commit_url(self):
        for box in self:
            box.version_commit_url = False

    @api.depends("device_ids")
    def _compute_device_count(self):
        for box in self:
            box.device_count = len(box.device_ids)

    def open_homepage(self):
        self.ensure_one()
        return {"type": "ir.actions.act_url", "url": f"http://{self.ip}:8069", "target": "new"}


class IotDevice(models.Model):
    _name = "iot.device"
    _description = "IoT Device"

    name = fields.Char(required=True)
    iot_id = fields.Many2one("iot.box", required=True, ondelete="cascade")
