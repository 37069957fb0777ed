from odoo import fields, models


class IotBox(models.Model):
    _inherit = "iot.box"

    # 19.0 boxes write `ssl_certificate_end_date` themselves; 17.0 and 18.0 have no such field, so
    # no view of this add-on may name it. This mirror exists on every series and is empty where
    # the box cannot report its end date.
    https_certificate_box_end_date = fields.Datetime(
        string="Certificate end (reported by the box)",
        compute="_compute_https_certificate_box_end_date",
    )

    def _compute_https_certificate_box_end_date(self):
        reported = "ssl_certificate_end_date" in self._fields
        for box in self:
            box.https_certificate_box_end_date = box.ssl_certificate_end_date if reported else False
