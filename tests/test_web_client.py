import json
import re
from pathlib import Path

from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .common import QUNIT_PAGE, AddonHttpCase, SERIES, iot_box_action_url, keep_boxes_out_of_reach, make_iot_user, page_check

# What a user must find in the IoT app; it runs in the page (see the file's header).
WEB_CLIENT_CHECK = (Path(__file__).parent / "web_client_check.js").read_text()
FR_PO = (Path(__file__).parent.parent / "i18n" / "fr.po").read_text()

# In French: the plain-IP box's link text (a template term), every badge (catalog terms in the
# bundle), the panel's button and the fleet summary's filter (template terms). `fr` is given.
FRENCH_CHECK = """
    const french = new Set(Object.values(fr));
    await until("two box rows", () => document.querySelectorAll(".o_list_view .o_data_row").length === 2);
    const plain = [...document.querySelectorAll(".o_data_row .o_iot_https_link")].map(text);
    if (!plain.includes(fr["No certificate yet"])) throw new Error("link texts: " + plain.join(" | "));
    await until("French verdicts on the badges", () =>
        [...document.querySelectorAll(".o_data_row .o_iot_https_badge")].every((b) => french.has(text(b)) && text(b) !== fr["Checking…"]) || null);
    if (text(document.querySelector(".o_iot_https_fleet_problems")) !== fr["Show only boxes with a problem"]) throw new Error("fleet summary in English");
    document.querySelector(".o_data_row td.o_data_cell").click();
    const button = await until("the panel", () => document.querySelector(".o_iot_https_panel .o_iot_https_check_now"));
    if (text(button) !== fr["Check now"]) throw new Error("panel button: " + text(button));
"""

# A box stored as expired, out of reach from this browser: the list's badge and the form's panel
# show the stored state, and say it comes from the database.
STORED_CHECK = page_check("stored report check", """
    const badge = await until("the stored report on the badge", () => document.querySelector(".o_data_row .o_iot_https_badge[data-stored='expired']"));
    if (badge.dataset.state !== "unreachable") throw new Error("this browser's verdict: " + badge.dataset.state);
    if (!/^Expired 3 days ago$/.test(text(badge))) throw new Error("badge text: " + text(badge));
    if (!badge.title.includes("Not reachable from this computer")) throw new Error("badge tooltip: " + badge.title);
    badge.closest(".o_data_row").querySelector("td.o_data_cell").click();
    const stored = await until("the panel's stored report", () => document.querySelector(".o_iot_https_panel .o_iot_https_stored"));
    if (!/the box reported: Expired\\./.test(text(stored))) throw new Error("panel: " + text(stored));
""")


@tagged("post_install", "-at_install")
class TestWebClient(AddonHttpCase):
    # Odoo's test browser opens 1366 px wide; the add-on must read well at 1280.
    browser_size = "1280x900"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The boxes of these tests are out of the test browser's reach, as they would be for a
        # real one: on every series, not only where Odoo's browser lets external requests fail.
        patcher = keep_boxes_out_of_reach()
        if patcher:
            patcher.start()
            cls.addClassCleanup(patcher.stop)
        # French is loaded here, before any browser request: loading a language clears the
        # server's caches and leaves view translations to write. Done while the browser's
        # requests run, 18.0 may read a cache being cleared, or flush those writes in a
        # read-only request.
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.env.ref("base.module_iot_https_certificate")._update_translations(["fr_FR"], overwrite=True)
        cls.env.flush_all()

    def test_qunit_suite_on_odoos_test_page(self):
        """The add-on's QUnit suite, on Odoo's own test page, against the module Odoo loads."""
        kwargs = {"success_signal": "QUnit test suite done."} if SERIES >= 18 else {}
        # Generous: the first visit builds the whole test bundle.
        self.browser_js(f"{QUNIT_PAGE}?filter=iot_https_certificate%2F", "", "", login="admin", timeout=600, **kwargs)

    def test_iot_user_sees_link_badge_summary_and_panel(self):
        """An IoT user outside debug mode finds the HTTPS link, the badge in words, the fleet
        summary, and the panel on the form, in the list, the kanban and the form."""
        make_iot_user(self.env, "iot_shop_manager")
        # Loopback names and addresses only: the probes must not leave the machine.
        self.env["iot.box"].create([
            {"name": "Shop box", "identifier": "b8:27:eb:00:00:01", "ip": "127-100-200-201.d73e7513.odoo-iot.com", "version": "24.10"},
            {"name": "Back office box", "identifier": "b8:27:eb:00:00:02", "ip": "127.0.0.67", "version": "24.10"},
        ])
        self.browser_js(iot_box_action_url("list"), WEB_CLIENT_CHECK, "", login="iot_shop_manager", timeout=300)

    def test_a_box_stored_as_expired_reads_expired_where_it_cannot_be_reached(self):
        """The remote admin's case: the box is out of this browser's reach, and the database
        says what it last reported."""
        make_iot_user(self.env, "iot_remote_admin")
        box = self.env["iot.box"].create({"name": "Remote shop box", "ip": "127-100-200-203.d73e7513.odoo-iot.com", "version": "24.10"})
        now = fields.Datetime.now()
        box.sudo().write({
            "https_certificate_state": "expired",
            "https_certificate_end_date": now - timedelta(days=3),
            "https_certificate_reported_at": now - timedelta(hours=2),
        })
        self.browser_js(iot_box_action_url("list"), STORED_CHECK, "", login="iot_remote_admin", timeout=300)

    def test_a_french_user_reads_french(self):
        """With French loaded and the user's language set to French, the badges, the link and
        the panel read French in the real web client (the .pot's odoo-javascript markers)."""
        make_iot_user(self.env, "iot_gerant").lang = "fr_FR"
        self.env["iot.box"].create([
            {"name": "Boîtier boutique", "ip": "127-0-0-68.e2etest.odoo-iot.com", "version": "24.10"},
            {"name": "Boîtier réserve", "ip": "127.0.0.69", "version": "24.10"},
        ])
        pairs = dict(re.findall(r'^msgid (".*")\nmsgstr (".*")$', FR_PO, re.M))
        fr = {json.loads(k): json.loads(v) for k, v in pairs.items() if json.loads(k)}
        script = page_check("French check", f"    const fr = {json.dumps(fr)};" + FRENCH_CHECK)
        self.browser_js(iot_box_action_url("list"), script, "", login="iot_gerant", timeout=300)
