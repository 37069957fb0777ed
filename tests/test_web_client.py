from pathlib import Path

from odoo.tests import HttpCase, tagged

from .common import QUNIT_PAGE, SERIES, iot_box_action_url, make_iot_user

# What a user must find in the IoT app; it runs in the page (see the file's header).
WEB_CLIENT_CHECK = (Path(__file__).parent / "web_client_check.js").read_text()


@tagged("post_install", "-at_install")
class TestWebClient(HttpCase):
    # Odoo's test browser opens 1366 px wide; the add-on must read well at 1280.
    browser_size = "1280x900"

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
            {"name": "Shop box", "identifier": "b8:27:eb:00:00:01", "ip": "127-0-0-66.e2etest.odoo-iot.com", "version": "24.10"},
            {"name": "Back office box", "identifier": "b8:27:eb:00:00:02", "ip": "127.0.0.67", "version": "24.10"},
        ])
        self.browser_js(iot_box_action_url("list"), WEB_CLIENT_CHECK, "", login="iot_shop_manager", timeout=300)
