from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError

from .iot_box_report import _check_read

# What the panel may do to a box, and how it went (static/src/core/box_actions.ts). The words
# are the history's; anything else is refused.
ACTIONS = ("retry", "restart")
OUTCOMES = ("retried", "still_trying", "back", "unconfirmed", "gave_up", "refused", "unreadable")


class IotBox(models.Model):
    """The documented first step in one click: an IoT administrator's browser asks a box to
    retry its certificate or restarts it, and each action leaves a line in the box's history.
    The box is never reached from here: only the browser on its network can."""

    _inherit = "iot.box"

    https_certificate_can_act = fields.Boolean(
        string="Can act on the box",
        compute="_compute_https_certificate_can_act",
    )

    @api.depends_context("uid")
    def _compute_https_certificate_can_act(self):
        allowed = self._https_certificate_user_may_act()
        for box in self:
            box.https_certificate_can_act = allowed

    @api.model
    def _https_certificate_user_may_act(self):
        group = "iot.group_iot_admin" if self.env.ref("iot.group_iot_admin", raise_if_not_found=False) else "base.group_system"
        return self.env.user.has_group(group)

    def log_https_certificate_action(self, action, outcome):
        """One line in the box's history: who did which action, when, and how it went. Only an
        IoT administrator who can read the box may; known actions and outcomes only. The action
        never changes the stored report: the status read after it is reported like any other."""
        if action not in ACTIONS or outcome not in OUTCOMES:
            raise ValidationError(_("Unknown action on an IoT box: %(action)s, %(outcome)s.", action=str(action)[:40], outcome=str(outcome)[:40]))
        if not self._https_certificate_user_may_act():
            raise AccessError(_("Only IoT administrators may act on an IoT box."))
        if len(self) != 1:
            raise ValidationError(_("An action is on one IoT box at a time."))
        _check_read(self)
        what = {
            "retry": _("asked the box to retry its HTTPS certificate"),
            "restart": _("restarted the box"),
        }[action]
        how = {
            "retried": _("the box tried again"),
            "still_trying": _("the box is still trying (odoo.com did not answer in time)"),
            "back": _("the box is back"),
            "unconfirmed": _("the box answered, but the restart is not confirmed"),
            "gave_up": _("the box did not come back within 2 minutes"),
            "refused": _("the box did not take the request"),
            "unreadable": _("the box answered something unreadable"),
        }[outcome]
        self.sudo().message_post(body=_("%(user)s %(what)s: %(how)s.", user=self.env.user.name, what=what, how=how), subtype_xmlid="mail.mt_note")
        return True
