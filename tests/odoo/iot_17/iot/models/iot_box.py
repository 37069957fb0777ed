from odoo import api, fields, models


class IotBox(models.Model):
    _name = "iot.box"
    _description = "IoT Box"

    name = fields.Char(required=True)
    identifier = fields.Char(string="Identifier (Mac Address)", readonly=True)
    ip = fields.Char(string="Domain Address", readonly=True)
    ip_url = fields.Char(string="IoT Box Home Page", compute="_compute_ip_url")
    version = fields.Char(readonly=True)
    drivers_auto_update = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
    device_ids = fields.One2many("iot.device", "iot_id")
    device_count = fields.Integer(compute="_compute_device_count")

    @api.depends("ip")
    def _compute_ip_url(self):
        https = self.env["ir.config_parameter"].sudo().get_param("web.base.url", "").startswith("https")
        for box in self:
            box.ip_url = box.ip and (f"https://{box.ip}" if https else f"http://{box.ip}:8069")

    @api.depends("device_ids")
    def _compute_device_count(self):
        for box in self:
            box.device_count = len(box.device_ids)


class IotDevice(models.Model):
    _name = "iot.device"
    _description = "IoT Device"

    name = fields.Char(required=True)
    iot_id = fields.Many2one("iot.box", required=True, ondelete="cascade")
