from odoo import _, api, fields, models
from odoo.exceptions import MissingError, ValidationError

from .certificate_facts import MAX_REPORTS, REFRESH_AFTER, ReportError, read_report, state_of


class IotBox(models.Model):
    """Browsers report what each box says about itself; 19.0 boxes also write their end date."""

    _inherit = "iot.box"

    @api.model
    def report_https_certificate(self, reports):
        """Store what boxes said about their certificates, as a browser heard it.

        `reports`: a list of {"id", "state", "end_date"?, "error"?, "status"?}; any other key
        (db_uuid, enterprise_code, ...) is never read. Every report is checked before anything
        is written: one bad report refuses the call. Any user who can read a box may report
        for it. A box's row is written only when its facts change, or to refresh
        `https_certificate_reported_at` once it is older than 12 hours.

        Returns [{"id", "reported_at"}]: what is stored now, so a browser knows when to report
        again.
        """
        now = fields.Datetime.now()
        if not isinstance(reports, list) or not reports or len(reports) > MAX_REPORTS:
            raise ValidationError(_("An HTTPS certificate report is a list of 1 to %s boxes.", MAX_REPORTS))
        facts = {}
        try:
            for raw in reports:
                box_id, values = read_report(raw, now)
                facts[box_id] = values
        except ReportError as error:
            raise ValidationError(_("HTTPS certificate report refused: %s", error)) from None
        boxes = self.browse(list(facts))
        missing = set(boxes.ids) - set(boxes.exists().ids)
        if missing:
            raise MissingError(_("HTTPS certificate report refused: no IoT box %s.", sorted(missing)))
        _check_read(boxes)
        for box in boxes.sudo():
            box._https_certificate_store(facts[box.id], now)
        return [{"id": box.id, "reported_at": fields.Datetime.to_string(box.https_certificate_reported_at)} for box in boxes.sudo()]

    def _https_certificate_store(self, new, now):
        """Write one box's facts, (state, end, error), if they changed or the last report is 12
        hours old; returns whether the row was written. A change goes to the box's history."""
        self.ensure_one()
        old = self._https_certificate_facts()
        changed = old != new
        reported = self.https_certificate_reported_at
        if not changed and reported and now - reported < REFRESH_AFTER:
            return False
        values = {"https_certificate_reported_at": now}
        if changed:
            values.update(https_certificate_state=new[0], https_certificate_end_date=new[1], https_certificate_error=new[2])
        self.write(values)
        if changed:
            self._https_certificate_note_change(old, new)
        return True

    def _https_certificate_facts(self):
        """(state, end, error) as stored; False where empty."""
        return (self.https_certificate_state or False, self.https_certificate_end_date or False, self.https_certificate_error or False)

    def _https_certificate_note_change(self, old, new):
        """One line in the box's history: renewed, expired, error appeared or cleared, …"""
        old_state, old_end, old_error = old
        state, end, error = new
        when = fields.Datetime.to_string(end) + " UTC" if end else ""
        if error:
            note = _("HTTPS certificate: the box reports %s.", error)
        elif old_error:
            note = _("HTTPS certificate: the error %(error)s is cleared; the box now reports %(state)s.", error=old_error, state=self._https_certificate_state_label(state))
        elif end and old_end and end > old_end:
            note = _("HTTPS certificate renewed: valid until %s.", when)
        elif state == "expired":
            note = _("HTTPS certificate expired on %s.", when)
        elif state == "renewal_due":
            note = _("HTTPS certificate: renewal due, the certificate ends on %s.", when)
        elif state == "no_valid":
            note = _("HTTPS certificate: the box reports no valid certificate.")
        elif when:
            note = _("HTTPS certificate valid until %s.", when)
        else:
            note = _("HTTPS certificate: the box reports it valid.")
        self.message_post(body=note, subtype_xmlid="mail.mt_note")

    def _https_certificate_state_label(self, state):
        return dict(self._fields["https_certificate_state"]._description_selection(self.env)).get(state, state)

    # 19.0: the box writes its own end date, at boot and daily.

    def write(self, vals):
        result = super().write(vals)
        if vals.get("ssl_certificate_end_date"):
            self._https_certificate_take_box_end_date(fields.Datetime.now(), heard=True)
        return result

    def _https_certificate_take_box_end_date(self, now, heard=False):
        """A renewed certificate always ends later: an end date the box wrote that is later than
        the stored one is the end date. `heard`: the box is writing it right now (at boot and
        daily), so the box was heard from even when the date is the one already stored."""
        if "ssl_certificate_end_date" not in self._fields:
            return
        for box in self.sudo():
            written = box.ssl_certificate_end_date
            stored = box.https_certificate_end_date
            if written and (not stored or written > stored):
                box._https_certificate_store((state_of(written, False, now), written, False), now)
            elif heard and written and written == stored:
                box._https_certificate_store(box._https_certificate_facts(), now)


def _check_read(boxes):
    """Read access on every box, or an AccessError (17.0 spells the check in two calls)."""
    if hasattr(boxes, "check_access"):
        boxes.check_access("read")
    else:
        boxes.check_access_rights("read")
        boxes.check_access_rule("read")
