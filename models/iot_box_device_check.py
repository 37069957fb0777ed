import hmac
import secrets
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError

from .iot_box_report import _check_read

# What a device may say about its own path to the box (static/src/core/device.ts). These are
# history lines only: never the stored report, the badge, the filters or the reminders.
VERDICTS = ("works", "dns_issue", "certificate_rejected", "https_fails", "local_network", "unreachable", "no_address")
BROWSERS = ("chrome", "edge", "firefox", "safari", "samsung", "opera", "other")
SYSTEMS = ("android_tablet", "android_phone", "iphone", "ipad", "windows", "mac", "chromeos", "linux", "other")
# One line per link and verdict per 10 minutes: a page left open on "Check again" floods nothing.
QUIET_FOR = timedelta(minutes=10)
PATH = "/iot_https_certificate/device_check"


class IotBox(models.Model):
    """A link anyone can open on their own device to check it can use the box over HTTPS.
    The link holds `<box id>.<token>` in its fragment; the token is compared in constant time
    and shows the box's name and address only."""

    _inherit = "iot.box"

    # Admins only, never copied or exported: the token opens the device page for this box.
    https_device_check_token = fields.Char(
        string="Device check token",
        groups="base.group_system",
        copy=False,
        readonly=True,
        prefetch=False,
        exportable=False,
    )
    # When each verdict was last written for the current token: {verdict: ISO time}.
    https_device_check_logged = fields.Json(groups="base.group_system", copy=False, prefetch=False, exportable=False)

    def _https_device_check_link(self):
        return {"path": f"{PATH}#{self.id}.{self.sudo().https_device_check_token}", "can_rotate": self._https_certificate_user_may_act()}

    def get_https_device_check_link(self):
        """The device page's link for this box, made on first use. Any user who can read the box
        may share it; the token field itself stays hidden from them."""
        self.ensure_one()
        _check_read(self)
        if not self.sudo().https_device_check_token:
            self._https_device_check_new_token()
        return self._https_device_check_link()

    def rotate_https_device_check_link(self):
        """A new link; every earlier one stops working. IoT administrators only."""
        self.ensure_one()
        if not self._https_certificate_user_may_act():
            raise AccessError(_("Only IoT administrators may replace a box's device check link."))
        _check_read(self)
        self._https_device_check_new_token()
        self.sudo().message_post(body=_("%(user)s replaced the device check link: earlier links no longer work.", user=self.env.user.name), subtype_xmlid="mail.mt_note")
        return self._https_device_check_link()

    def _https_device_check_new_token(self):
        # 192 bits, URL-safe: the link's fragment carries it as is.
        self.sudo().write({"https_device_check_token": secrets.token_urlsafe(24), "https_device_check_logged": {}})

    @api.model
    def _https_device_check_box(self, secret):
        """The box a link's secret opens, or an empty recordset. The token is compared in
        constant time; an unknown box and a wrong token look the same."""
        if not isinstance(secret, str) or len(secret) > 120 or "." not in secret:
            return self.browse()
        box_id, _dot, token = secret.partition(".")
        if not box_id.isdigit() or not token:
            return self.browse()
        box = self.sudo().browse(int(box_id)).exists()
        expected = (box.https_device_check_token or "") if box else ""
        # compare_digest needs ASCII on both sides; a token with anything else is simply wrong.
        if not token.isascii() or not hmac.compare_digest(expected.encode(), token.encode()) or not expected:
            return self.browse()
        return box

    def _https_device_check_record(self, verdict, browser, system, user):
        """One history line for what a device saw, unless the same verdict was written for this
        link in the last 10 minutes. Known keys only; nothing is written otherwise. `user` is
        the logged-in user, or None. The device's IP is never stored."""
        if verdict not in VERDICTS or browser not in BROWSERS or system not in SYSTEMS:
            return "refused"
        # The history is the team's: it reads in the company's language, whoever checked.
        box = self.sudo().with_context(lang=self._https_device_history_lang())
        now = fields.Datetime.now()
        logged = dict(box.https_device_check_logged or {})
        last = logged.get(verdict)
        if last and now - fields.Datetime.from_string(last) < QUIET_FOR:
            return "recent"
        logged[verdict] = fields.Datetime.to_string(now)
        box.https_device_check_logged = logged
        body = box._https_device_check_line(verdict, browser, system, user)
        box.message_post(body=body, subtype_xmlid="mail.mt_note", author_id=(user or self.env.ref("base.user_root")).partner_id.id)
        return "recorded"

    def _https_device_check_line(self, verdict, browser, system, user):
        who = user.name if user else _("a device without login")
        return _("Checked from %(device)s by %(user)s: %(verdict)s", device=self._https_device_label(browser, system), user=who, verdict=self._https_device_verdict_label(verdict))

    def _https_device_history_lang(self):
        company = self.sudo().company_id if "company_id" in self._fields else False
        lang = (company and company.partner_id.lang) or self.env.ref("base.main_company").partner_id.lang
        return lang or "en_US"

    @api.model
    def _https_device_page_texts(self):
        """The device page's own texts, in the context's language (the page's)."""
        return {
            "title": _("Check this device"),
            "noscript": _("This check runs in the browser: turn JavaScript on, then open the link again."),
        }

    def _https_device_label(self, browser, system):
        browsers = {
            "chrome": "Chrome", "edge": "Edge", "firefox": "Firefox", "safari": "Safari",
            "samsung": "Samsung Internet", "opera": "Opera", "other": _("a browser"),
        }
        systems = {
            "android_tablet": _("an Android tablet"),
            "android_phone": _("an Android phone"),
            "iphone": _("an iPhone"),
            "ipad": _("an iPad"),
            "windows": _("a Windows computer"),
            "mac": _("a Mac"),
            "chromeos": _("a Chromebook"),
            "linux": _("a Linux computer"),
            "other": _("a device"),
        }
        return _("%(browser)s on %(system)s", browser=browsers[browser], system=systems[system])

    def _https_device_verdict_label(self, verdict):
        return {
            "works": _("this device can use the box over HTTPS"),
            "dns_issue": _("DNS issue"),
            "certificate_rejected": _("the device rejects the box's certificate"),
            "https_fails": _("the box answers, but not at its HTTPS address"),
            "local_network": _("the browser may not reach the local network yet"),
            "unreachable": _("the box cannot be reached from this device"),
            "no_address": _("the box has no HTTPS address yet"),
        }[verdict]
