from lxml import etree

from odoo import api, fields, models
from odoo.release import version_info


class IotBox(models.Model):
    """What the database knows of a box's certificate: the box's own word, never one browser's
    view of its path (see README, "Two kinds of facts"). The report and the daily check are in
    iot_box_report.py and iot_box_reminders.py."""

    # The mail mixins give each box a history (the chatter) and the reminders their channel
    # (activities). 19.0's iot.box has neither.
    _name = "iot.box"
    _inherit = ["iot.box", "mail.thread", "mail.activity.mixin"]

    # 19.0 boxes write `ssl_certificate_end_date` themselves; 17.0 and 18.0 have no such field, so
    # no view of this add-on may name it. This mirror exists on every series and is empty where
    # the box cannot report its end date.
    https_certificate_box_end_date = fields.Datetime(
        string="Certificate end (reported by the box)",
        compute="_compute_https_certificate_box_end_date",
    )
    https_certificate_end_date = fields.Datetime(string="Certificate end", readonly=True, copy=False)
    https_certificate_error = fields.Char(string="Certificate error", readonly=True, copy=False)
    https_certificate_reported_at = fields.Datetime(string="Certificate reported on", readonly=True, copy=False)
    https_certificate_state = fields.Selection(
        string="Certificate state",
        selection=[
            ("ok", "Valid"),
            ("renewal_due", "Renewal due"),
            ("expired", "Expired"),
            ("error", "Error"),
            ("no_valid", "No valid certificate"),
        ],
        readonly=True,
        copy=False,
        index=True,
    )

    # What the web client's widgets read of a box, as one value: a list of 1,000 boxes then
    # parses one plain object per row rather than six fields, three of them dates, and its views
    # need no hidden columns. Dates are UTC server strings.
    https_certificate_facts = fields.Json(
        string="Certificate facts (for the web client)",
        compute="_compute_https_certificate_facts",
        exportable=False,
    )

    @api.depends(
        "version",
        "https_certificate_box_end_date",
        "https_certificate_state",
        "https_certificate_end_date",
        "https_certificate_error",
        "https_certificate_reported_at",
    )
    def _compute_https_certificate_facts(self):
        date = fields.Datetime.to_string  # False stays False
        for box in self:
            box.https_certificate_facts = {
                "version": box.version or "",
                "box_end_date": date(box.https_certificate_box_end_date),
                "state": box.https_certificate_state or False,
                "end_date": date(box.https_certificate_end_date),
                "error": box.https_certificate_error or False,
                "reported_at": date(box.https_certificate_reported_at),
            }

    def _compute_https_certificate_box_end_date(self):
        reported = "ssl_certificate_end_date" in self._fields
        for box in self:
            box.https_certificate_box_end_date = box.ssl_certificate_end_date if reported else False

    @api.model
    def _get_view(self, view_id=None, view_type="form", **options):
        """The box form gets the chatter, in the markup of this series: 17.0 compiles
        `div.oe_chatter`, 18.0 and later `<chatter/>`. A view can't say both, so it is added
        here, unless the IoT app's own form already has one."""
        arch, view = super()._get_view(view_id, view_type, **options)
        has_chatter = arch.xpath("//chatter | //div[contains(concat(' ', @class, ' '), ' oe_chatter ')]")
        if view_type == "form" and not has_chatter:
            if version_info[0] >= 18:
                arch.append(etree.Element("chatter"))
            else:
                chatter = etree.SubElement(arch, "div", {"class": "oe_chatter"})
                for name in ("message_follower_ids", "activity_ids", "message_ids"):
                    etree.SubElement(chatter, "field", {"name": name})
        return arch, view

