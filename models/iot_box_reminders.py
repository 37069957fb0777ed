import logging
from collections import defaultdict
from datetime import timedelta

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError

from .certificate_facts import state_of

_logger = logging.getLogger(__name__)

# A certificate this close to its end means the box's own renewal, due at 10 days, has failed.
EXPIRING_DAYS = 7
# A box that reported before and has not been heard of for this long.
SILENT_DAYS = 7
# The reminders, each an activity type of its own: one activity per box and problem.
REMINDERS = {
    "expiring": "iot_https_certificate.activity_https_certificate_expiring",
    "expired": "iot_https_certificate.activity_https_certificate_expired",
    "error": "iot_https_certificate.activity_https_certificate_error",
    "silent": "iot_https_certificate.activity_https_certificate_silent",
}


class IotBox(models.Model):
    """The daily check: states follow the calendar, and the IoT administrators are reminded of
    what needs them, once per box and problem, until the problem is gone."""

    _inherit = "iot.box"

    @api.model
    def _https_certificate_setup_cron(self):
        """17.0's scheduled actions run `numbercall` times, 1 by default; 18.0 removed the field."""
        cron = self.env.ref("iot_https_certificate.ir_cron_https_certificate_daily", raise_if_not_found=False)
        if cron and "numbercall" in cron._fields:
            cron.numbercall = -1

    @api.model
    def _cron_https_certificate_daily(self):
        now = fields.Datetime.now()
        boxes = self.sudo().search([])
        boxes._https_certificate_take_box_end_date(now)
        for box in boxes.filtered("https_certificate_state"):
            box._https_certificate_follow_calendar(now)
        # The open reminders of every box, read once: {(box id, problem): activities}.
        kinds = {problem: self.env.ref(xmlid) for problem, xmlid in REMINDERS.items()}
        problem_of = {kind.id: problem for problem, kind in kinds.items()}
        activities = self.env["mail.activity"].sudo().search(
            [("res_model", "=", self._name), ("res_id", "in", boxes.ids), ("activity_type_id", "in", [kind.id for kind in kinds.values()])]
        )
        open_reminders = defaultdict(lambda: self.env["mail.activity"].sudo())
        for activity in activities:
            open_reminders[activity.res_id, problem_of[activity.activity_type_id.id]] |= activity
        admins = {}
        for box in boxes:
            company = box.company_id if "company_id" in box._fields else False
            if company not in admins:
                admins[company] = box._https_certificate_admin()
            # One box never stops the others: whatever refuses its reminder is undone and logged.
            try:
                with self.env.cr.savepoint():
                    box._https_certificate_remind(now, admins[company], {problem: open_reminders[box.id, problem] for problem in REMINDERS})
            except Exception:
                _logger.exception("IoT box %s: its HTTPS certificate reminder could not be written", box.id)

    def _https_certificate_follow_calendar(self, now):
        """A stored end date moves the state from valid to renewal due to expired as days pass."""
        state, end, error = self._https_certificate_facts()
        if not end or error:
            return
        today = state_of(end, False, now)
        if today != state:
            self.write({"https_certificate_state": today})
            self._https_certificate_note_change((state, end, error), (today, end, error))

    def _https_certificate_problems(self, now):
        state, end, _error = self._https_certificate_facts()
        reported = self.https_certificate_reported_at
        return {
            "expiring": bool(end) and now < end <= now + timedelta(days=EXPIRING_DAYS),
            "expired": state == "expired",
            "error": state == "error",
            "silent": bool(reported) and reported < now - timedelta(days=SILENT_DAYS),
        }

    def _https_certificate_remind(self, now, admin, open_reminders):
        """Opens a reminder for each new problem and closes the ones whose problem is gone.
        `open_reminders`: this box's open activities for each problem."""
        self.ensure_one()
        for problem, present in self._https_certificate_problems(now).items():
            open_ = open_reminders[problem]
            if present and not open_ and not admin:
                _logger.warning("IoT box %s (%s): nobody who can open it to remind of its HTTPS certificate", self.id, problem)
            elif present and not open_:
                self.activity_schedule(REMINDERS[problem], user_id=admin.id, note=self._https_certificate_reminder_note(problem))
            elif open_ and not present:
                open_.action_feedback(feedback=_("Solved: the box no longer reports this."))

    def _https_certificate_reminder_note(self, problem):
        end = self.https_certificate_end_date
        when = fields.Datetime.to_string(end) + " UTC" if end else ""
        if problem == "expiring":
            return _("The certificate ends on %s and the box has not renewed it: its renewal, due 10 days before, failed.", when)
        if problem == "expired":
            return _("The certificate ended on %s. Browsers and payment terminals refuse the box's HTTPS address.", when)
        if problem == "error":
            return _("The box reports %s. Open the box to read the cause and the fix.", self.https_certificate_error)
        reported = fields.Datetime.to_string(self.https_certificate_reported_at)
        return _("Nobody has heard from this box since %s UTC: check that it is on and connected.", reported)

    def _https_certificate_admin(self):
        """Who gets this box's reminders: someone who can open it. For a box of a company, the
        first IoT administrator among that company's users, else its first Settings
        administrator; for a box without a company, the first of either anywhere. Never OdooBot,
        and never someone the box's access rules hide it from. Empty when nobody fits: the box
        is then skipped, and the daily run says so."""
        self.ensure_one()
        Users = self.env["res.users"].sudo()
        groups_field = "all_group_ids" if "all_group_ids" in Users._fields else "groups_id"
        company = self.company_id if "company_id" in self._fields else False
        where = [("company_ids", "in", company.id)] if company else []
        for xmlid in ("iot.group_iot_admin", "base.group_system"):
            group = self.env.ref(xmlid, raise_if_not_found=False)
            if not group:
                continue
            for user in Users.search([(groups_field, "in", group.id), ("share", "=", False), ("id", "!=", SUPERUSER_ID), *where], order="id"):
                if self._https_certificate_can_open(user):
                    return user
        return Users

    def _https_certificate_can_open(self, user):
        """Whether `user`, in all of their companies, may read this box."""
        box = self.with_user(user).with_context(allowed_company_ids=user.company_ids.ids)
        try:
            return bool(box.search_count([("id", "=", self.id)]))
        except AccessError:
            return False
