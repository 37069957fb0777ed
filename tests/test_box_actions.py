from odoo.exceptions import AccessError, ValidationError
from odoo.tests import TransactionCase, tagged

from .common import make_iot_admin, make_iot_user


@tagged("at_install")
class TestBoxActions(TransactionCase):
    """`iot.box.log_https_certificate_action` and `https_certificate_can_act`: only IoT
    administrators act on a box, and each action leaves a line in its history."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user = make_iot_user(cls.env, "iot_action_user")
        cls.admin = make_iot_admin(cls.env, "iot_action_admin")
        cls.box = cls.env["iot.box"].create({"name": "Shop box", "ip": "10.0.0.9", "https_certificate_state": "error", "https_certificate_error": "ERR_IOT_HTTPS_LOAD_REQUEST_STATUS 503"})

    def notes(self):
        """The box's history, newest first, as text."""
        self.box.invalidate_recordset(["message_ids"])
        return [str(body) for body in self.box.message_ids.sorted("id", reverse=True).mapped("body")]

    def test_only_iot_administrators_can_act(self):
        self.assertTrue(self.box.with_user(self.admin).https_certificate_can_act)
        self.assertFalse(self.box.with_user(self.user).https_certificate_can_act)

    def test_an_action_leaves_who_what_and_how_in_the_history(self):
        before = len(self.notes())
        self.box.with_user(self.admin).log_https_certificate_action("restart", "back")
        notes = self.notes()
        self.assertEqual(len(notes), before + 1)
        self.assertIn("Iot Action Admin restarted the box: the box is back.", notes[0])
        message = self.box.message_ids.sorted("id", reverse=True)[0]
        self.assertEqual(message.author_id, self.admin.partner_id, "who")
        self.assertTrue(message.date, "when")
        self.box.with_user(self.admin).log_https_certificate_action("retry", "still_trying")
        self.assertIn("asked the box to retry its HTTPS certificate: the box is still trying", self.notes()[0])

    def test_the_action_never_changes_the_stored_report(self):
        self.box.with_user(self.admin).log_https_certificate_action("retry", "retried")
        self.assertEqual((self.box.https_certificate_state, self.box.https_certificate_error), ("error", "ERR_IOT_HTTPS_LOAD_REQUEST_STATUS 503"))

    def test_others_and_bad_input_write_nothing(self):
        before = len(self.notes())
        with self.assertRaises(AccessError):
            self.box.with_user(self.user).log_https_certificate_action("restart", "back")
        for action, outcome in (("reboot", "back"), ("restart", "exploded"), ("<b>x</b>", "back"), (None, None)):
            with self.assertRaises(ValidationError):
                self.box.with_user(self.admin).log_https_certificate_action(action, outcome)
        self.assertEqual(len(self.notes()), before)
