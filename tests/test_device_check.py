import json
import logging
from unittest.mock import patch

from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, tagged

from .common import AddonHttpCase, Clock, make_iot_admin, make_iot_user

PAGE = "/iot_https_certificate/device_check"


@tagged("at_install")
class TestDeviceCheckLink(TransactionCase):
    """The link's secret: made on first use, at least 128 bits, shown to anyone who can read the
    box, readable as a field and replaceable by IoT administrators only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user = make_iot_user(cls.env, "iot_link_user")
        cls.admin = make_iot_admin(cls.env, "iot_link_admin")
        cls.box = cls.env["iot.box"].create({"name": "Shop box", "ip": "127-0-0-9.abcd1234.odoo-iot.com"})

    def secret(self, link):
        self.assertTrue(link["path"].startswith(PAGE + "#"), link)
        return link["path"].split("#", 1)[1]

    def test_any_iot_user_gets_the_link_but_never_reads_the_token_field(self):
        link = self.box.with_user(self.user).get_https_device_check_link()
        box_id, token = self.secret(link).split(".")
        self.assertEqual(int(box_id), self.box.id)
        self.assertGreaterEqual(len(token) * 6, 128, "at least 128 bits")
        self.assertFalse(link["can_rotate"])
        self.assertEqual(self.box.with_user(self.user).get_https_device_check_link(), link, "the same link until replaced")
        self.assertNotIn("https_device_check_token", self.box.with_user(self.user).fields_get())
        with self.assertRaises(AccessError):
            self.box.with_user(self.user).read(["https_device_check_token"])
        with self.assertRaises(AccessError):
            self.box.with_user(self.user).rotate_https_device_check_link()

    def test_the_token_is_never_copied_nor_exported(self):
        field = self.env["iot.box"]._fields["https_device_check_token"]
        self.assertFalse(field.copy)
        self.assertFalse(field.exportable)
        self.assertNotIn("https_device_check_token", self.env["iot.box"].with_user(self.user).fields_get(), "not offered to export")

    def test_replacing_the_link_kills_the_old_one(self):
        old = self.secret(self.box.with_user(self.admin).get_https_device_check_link())
        boxes = self.env["iot.box"]
        self.assertEqual(boxes._https_device_check_box(old), self.box)
        new = self.box.with_user(self.admin).rotate_https_device_check_link()
        self.assertTrue(new["can_rotate"])
        self.assertFalse(boxes._https_device_check_box(old), "the old link opens nothing")
        self.assertEqual(boxes._https_device_check_box(self.secret(new)), self.box)
        self.assertIn("replaced the device check link", str(self.box.message_ids[0].body))

    def test_wrong_or_altered_secrets_open_nothing(self):
        secret = self.secret(self.box.get_https_device_check_link())
        box_id, token = secret.split(".")
        other = self.env["iot.box"].create({"name": "Other box", "ip": "10.0.0.8"})
        boxes = self.env["iot.box"]
        for wrong in [
            f"{box_id}.{token[:-1]}{'A' if token[-1] != 'A' else 'B'}",  # altered
            f"{other.id}.{token}",  # another box's id
            f"{box_id}.",
            f"{box_id}.{token}é",
            "not a secret", "", None, 42, ["a"], f"{box_id}.{token * 10}",
        ]:
            self.assertFalse(boxes._https_device_check_box(wrong), repr(wrong))
        self.assertFalse(boxes._https_device_check_box(f"{other.id}.x"), "a box without a token opens nothing")

    def test_the_token_is_compared_in_constant_time(self):
        secret = self.secret(self.box.get_https_device_check_link())
        import hmac

        with patch.object(hmac, "compare_digest", wraps=hmac.compare_digest) as compare:
            self.env["iot.box"]._https_device_check_box(secret)
        self.assertEqual(compare.call_count, 1)


@tagged("at_install")
class TestDeviceCheckHistory(TransactionCase):
    """What a device saw goes to the box's history, and nowhere else."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cashier = cls.env["res.users"].create({"name": "Shop cashier", "login": "shop_cashier", "password": "shop_cashier"})
        cls.box = cls.env["iot.box"].create({"name": "Shop box", "ip": "127-0-0-9.abcd1234.odoo-iot.com"})
        cls.box.get_https_device_check_link()

    def notes(self):
        self.box.invalidate_recordset(["message_ids"])
        return [str(m.body) for m in self.box.message_ids.sorted("id", reverse=True)]

    def test_a_line_says_device_user_and_verdict(self):
        self.assertEqual(self.box._https_device_check_record("dns_issue", "chrome", "android_tablet", self.cashier), "recorded")
        self.assertIn("Checked from Chrome on an Android tablet by Shop cashier: DNS issue", self.notes()[0])
        self.assertEqual(self.box.message_ids[0].author_id, self.cashier.partner_id)
        self.assertEqual(self.box._https_device_check_record("works", "safari", "iphone", None), "recorded")
        self.assertIn("Checked from Safari on an iPhone by a device without login: this device can use the box over HTTPS", self.notes()[0])

    def test_one_line_per_link_and_verdict_per_ten_minutes(self):
        from datetime import datetime, timedelta

        clock = Clock.installed(self, datetime(2026, 12, 2, 9, 0))
        before = len(self.notes())
        self.assertEqual(self.box._https_device_check_record("dns_issue", "chrome", "android_tablet", None), "recorded")
        self.assertEqual(self.box._https_device_check_record("dns_issue", "firefox", "windows", None), "recent")
        self.assertEqual(self.box._https_device_check_record("works", "chrome", "android_tablet", None), "recorded", "another verdict")
        clock.now += timedelta(minutes=10)
        self.assertEqual(self.box._https_device_check_record("dns_issue", "chrome", "android_tablet", None), "recorded")
        self.assertEqual(len(self.notes()), before + 3)
        # A new link starts afresh.
        self.box.with_user(make_iot_admin(self.env, "iot_rotating_admin")).rotate_https_device_check_link()
        self.assertEqual(self.box._https_device_check_record("dns_issue", "chrome", "android_tablet", None), "recorded")

    def test_unknown_keys_write_nothing(self):
        before = len(self.notes())
        for verdict, browser, system in [("ok", "chrome", "windows"), ("works", "<b>x</b>", "windows"), ("works", "chrome", "Android"), (None, None, None), (["works"], "chrome", "mac")]:
            self.assertEqual(self.box._https_device_check_record(verdict, browser, system, None), "refused")
        self.assertEqual(len(self.notes()), before)

    def test_a_device_line_never_becomes_a_stored_fact(self):
        stored = ["https_certificate_state", "https_certificate_error", "https_certificate_end_date", "https_certificate_reported_at"]
        before = self.box.read(stored)
        for verdict in ("dns_issue", "certificate_rejected", "unreachable", "works"):
            self.box._https_device_check_record(verdict, "chrome", "windows", None)
        self.assertEqual(self.box.read(stored), before)
        problem = self.env["iot.box"].search([("id", "=", self.box.id), ("https_certificate_state", "in", ["error", "expired", "no_valid", "renewal_due"])])
        self.assertFalse(problem, "no filter finds it")


@tagged("post_install", "-at_install")
class TestDevicePage(AddonHttpCase):
    """The page and its two calls, over HTTP, logged out and as a user without IoT rights."""

    def setUp(self):
        super().setUp()
        self.box = self.env["iot.box"].create({"name": "Shop <b>box</b>", "ip": "127-0-0-9.abcd1234.odoo-iot.com", "identifier": "b8:27:eb:00:00:99", "version": "L24.10-17.0"})
        self.secret = self.box.get_https_device_check_link()["path"].split("#", 1)[1]

    def post(self, route, body):
        answer = self.url_open(f"{PAGE}/{route}", data=json.dumps(body), headers={"Content-Type": "application/json"})
        return answer.status_code, answer.json()

    def test_the_page_loads_its_own_bundle_only(self):
        answer = self.url_open(PAGE)
        self.assertEqual(answer.status_code, 200)
        html = answer.text
        self.assertIn('id="o_iot_device_check"', html)
        self.assertIn("assets_device_check", html)
        self.assertNotIn("web.assets_backend", html)
        self.assertNotIn("web.assets_frontend", html)
        self.assertEqual(answer.headers.get("Cache-Control"), "no-store")

    def test_the_page_speaks_the_devices_language(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env.ref("base.module_iot_https_certificate")._update_translations(["fr_FR"], overwrite=True)
        html = self.url_open(PAGE, headers={"Accept-Language": "fr-FR,fr;q=0.9,en;q=0.5"}).text
        self.assertIn('lang="fr-FR"', html)
        self.assertIn("Vérifier cet appareil", html)
        self.assertIn("Vérifier à nouveau", html, "the page's script texts come from fr.po")

    def test_a_valid_link_shows_the_box_name_and_address_and_nothing_else(self):
        status, answer = self.post("box", {"token": self.secret})
        self.assertEqual(status, 200)
        self.assertEqual(answer, {"name": "Shop <b>box</b>", "ip": "127-0-0-9.abcd1234.odoo-iot.com"})

    def test_an_invalid_or_replaced_link_shows_nothing_of_the_box(self):
        box_id, token = self.secret.split(".")
        self.box.with_user(make_iot_admin(self.env, "iot_page_admin")).rotate_https_device_check_link()
        for wrong in [self.secret, f"{box_id}.{token[::-1]}", "", "x" * 5000]:
            status, answer = self.post("box", {"token": wrong})
            self.assertEqual((status, answer), (404, {"error": "invalid"}), wrong[:20])
            status, answer = self.post("result", {"token": wrong, "verdict": "works", "browser": "chrome", "system": "windows"})
            self.assertEqual(status, 404)
        self.assertEqual(self.url_open(f"{PAGE}/box", data="not json", headers={"Content-Type": "application/json"}).status_code, 404)

    def test_a_result_from_a_user_without_iot_rights_is_recorded_with_their_name(self):
        user = self.env["res.users"].create({"name": "Shop cashier", "login": "cashier", "password": "cashier_pw_123"})
        self.authenticate("cashier", "cashier_pw_123")
        status, answer = self.post("result", {"token": self.secret, "verdict": "dns_issue", "browser": "chrome", "system": "android_tablet"})
        self.assertEqual((status, answer), (200, {"recorded": True}))
        self.assertIn("Checked from Chrome on an Android tablet by Shop cashier: DNS issue", str(self.box.message_ids[0].body))
        self.assertEqual(self.box.message_ids[0].author_id, user.partner_id)
        self.assertEqual(self.post("result", {"token": self.secret, "verdict": "dns_issue", "browser": "chrome", "system": "android_tablet"}), (200, {"recorded": "recent"}))
        self.assertEqual(self.post("result", {"token": self.secret, "verdict": "fine", "browser": "chrome", "system": "android_tablet"})[0], 400)

    def test_the_token_is_in_no_server_log_line(self):
        # At the level the server logs by default (INFO): the request lines and everything above.
        with self.assertLogs(level=logging.INFO) as logs:
            logging.getLogger("odoo").info("device check test")
            self.url_open(PAGE)
            self.post("box", {"token": self.secret})
            self.post("result", {"token": self.secret, "verdict": "works", "browser": "chrome", "system": "windows"})
        self.assertIn("device check test", "\n".join(logs.output), "the log is captured")
        token = self.secret.split(".")[1]
        self.assertFalse([line for line in logs.output if token in line])
