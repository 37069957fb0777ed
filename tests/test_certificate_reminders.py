from datetime import datetime, timedelta

from odoo.tests import TransactionCase, tagged

from .common import Clock

NOW = datetime(2026, 11, 26, 3, 0, 0)
TYPES = ("expiring", "expired", "error", "silent")


def at(delta):
    return (NOW + delta).strftime("%Y-%m-%d %H:%M:%S")


@tagged("at_install")
class TestCertificateReminders(TransactionCase):
    """The daily scheduled action: states follow the calendar, and the IoT administrators are
    reminded once per box and problem, until the problem is gone."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Users = cls.env["res.users"]
        groups_field = "group_ids" if "group_ids" in Users._fields else "groups_id"
        admin_group = cls.env.ref("iot.group_iot_admin")
        cls.iot_admin = Users.create({
            "name": "IoT Admin", "login": "iot_reminded_admin", "password": "iot_reminded_admin",
            groups_field: [(6, 0, (cls.env.ref("base.group_user") | admin_group).ids)],
        })
        cls.Box = cls.env["iot.box"]
        cls.kinds = {kind: cls.env.ref(f"iot_https_certificate.activity_https_certificate_{kind}") for kind in TYPES}

    def setUp(self):
        super().setUp()
        self.clock = Clock.installed(self, NOW)

    def box(self, name, **report):
        box = self.Box.create({"name": name, "ip": "10.0.0.1"})
        if report:
            box.report_https_certificate([{"id": box.id, **report}])
        return box

    def run_cron(self, days=0):
        """What the scheduled action runs (its code is checked below), in this test's transaction."""
        self.clock.now = NOW + timedelta(days=days)
        self.env["iot.box"]._cron_https_certificate_daily()
        self.env.invalidate_all()

    def reminders(self, box):
        activities = self.env["mail.activity"].search([("res_model", "=", "iot.box"), ("res_id", "=", box.id)])
        return sorted(kind for kind, kind_type in self.kinds.items() if kind_type in activities.activity_type_id)

    def test_the_scheduled_action_runs_daily_on_every_series(self):
        cron = self.env.ref("iot_https_certificate.ir_cron_https_certificate_daily")
        self.assertTrue(cron.active)
        self.assertEqual((cron.interval_number, cron.interval_type), (1, "days"))
        self.assertEqual((cron.model_id.model, cron.code), ("iot.box", "model._cron_https_certificate_daily()"))
        if "numbercall" in cron._fields:
            self.assertEqual(cron.numbercall, -1, "17.0: forever, not once")

    def test_who_is_reminded_and_of_what(self):
        expiring = self.box("Expiring", state="renewal_due", end_date=at(timedelta(days=5)))
        expired = self.box("Expired", state="expired", end_date=at(-timedelta(days=1)))
        failing = self.box("Failing", state="error", error="ERR_IOT_HTTPS_LOAD_REQUEST_NO_RESULT")
        silent = self.box("Silent", state="ok", end_date=at(timedelta(days=80)))
        silent.sudo().write({"https_certificate_reported_at": NOW - timedelta(days=8)})
        healthy = self.box("Healthy", state="ok", end_date=at(timedelta(days=80)))
        never = self.box("Never reported")
        self.run_cron()
        self.assertEqual(self.reminders(expiring), ["expiring"])
        self.assertEqual(self.reminders(expired), ["expired"])
        self.assertEqual(self.reminders(failing), ["error"])
        self.assertEqual(self.reminders(silent), ["silent"])
        self.assertEqual(self.reminders(healthy), [])
        self.assertEqual(self.reminders(never), [], "a box that never reported is not 'silent'")
        activity = expiring.activity_ids
        self.assertEqual(activity.user_id, self.iot_admin, "the IoT administrator")
        self.assertIn("2026-12-01 03:00:00", str(activity.note))
        self.assertIn("ERR_IOT_HTTPS_LOAD_REQUEST_NO_RESULT", str(failing.activity_ids.note))

    def test_a_second_run_adds_nothing(self):
        box = self.box("Expired", state="expired", end_date=at(-timedelta(days=1)))
        self.run_cron()
        self.run_cron(days=1)
        self.run_cron(days=2)
        self.assertEqual(len(box.activity_ids), 1, "one reminder per box and problem, never one a day")

    def test_a_box_that_renews_on_time_is_never_a_reminder(self):
        box = self.box("On time", state="ok", end_date=at(timedelta(days=12)))
        for day in range(4):
            self.run_cron(days=day)
            if day == 3:
                # Renewal is due at 10 days: the box renews, at 9 days left.
                box.report_https_certificate([{"id": box.id, "state": "ok", "end_date": at(timedelta(days=100))}])
        self.run_cron(days=5)
        self.assertEqual(self.reminders(box), [])
        self.assertFalse(self.env["mail.activity"].search([("res_model", "=", "iot.box"), ("res_id", "=", box.id)]))

    def test_a_box_back_to_ok_closes_its_reminder(self):
        box = self.box("Recovers", state="error", error="ERR_IOT_HTTPS_LOAD_NO_CREDENTIAL")
        self.run_cron()
        self.assertEqual(self.reminders(box), ["error"])
        box.report_https_certificate([{"id": box.id, "state": "ok", "end_date": at(timedelta(days=90))}])
        self.run_cron(days=1)
        self.assertEqual(self.reminders(box), [])
        self.assertTrue(any("no longer reports" in (message.body or "") for message in box.message_ids), "closed, with a line in the history")

    def test_states_follow_the_calendar(self):
        box = self.box("Ageing", state="ok", end_date=at(timedelta(days=10, hours=12)))
        self.run_cron(days=1)
        self.assertEqual(box.https_certificate_state, "renewal_due")
        self.run_cron(days=12)
        self.assertEqual(box.https_certificate_state, "expired")
        self.assertIn("expired on", box.message_ids[0].body)

    def test_settings_administrators_when_no_iot_administrator(self):
        group = self.env.ref("iot.group_iot_admin")
        users_field = "user_ids" if "user_ids" in group._fields else "users"
        group.write({users_field: [(5, 0, 0)]})
        # A Settings administrator who uses the IoT app: one who can open the box.
        groups_field = "group_ids" if "group_ids" in self.env["res.users"]._fields else "groups_id"
        settings = self.env["res.users"].create({
            "name": "Settings Admin", "login": "settings_reminded_admin", "password": "settings_reminded_admin",
            groups_field: [(6, 0, (self.env.ref("base.group_system") | self.env.ref("iot.group_iot_user")).ids)],
        })
        box = self.box("Expired", state="expired", end_date=at(-timedelta(days=1)))
        self.run_cron()
        reminded = box.activity_ids.user_id
        self.assertTrue(reminded.has_group("base.group_system"))
        self.assertTrue(box._https_certificate_can_open(reminded))
        self.assertIn(reminded, self.env["res.users"].search([("id", "<=", settings.id)]))

    def test_a_later_end_date_the_box_writes_itself_is_the_end_date(self):
        box = self.box("Box 19", state="renewal_due", end_date=at(timedelta(days=5)))
        if "ssl_certificate_end_date" not in box._fields:
            # Before 19.0 boxes write nothing themselves: the daily run changes nothing.
            self.run_cron()
            self.assertEqual((box.https_certificate_state, box.https_certificate_end_date), ("renewal_due", NOW + timedelta(days=5)))
            return
        box.sudo().write({"ssl_certificate_end_date": NOW + timedelta(days=2)})
        self.assertEqual(box.https_certificate_end_date, NOW + timedelta(days=5), "an earlier date changes nothing")
        box.sudo().write({"ssl_certificate_end_date": NOW + timedelta(days=95)})
        self.assertEqual((box.https_certificate_state, box.https_certificate_end_date), ("ok", NOW + timedelta(days=95)))
        # Eight days on, no browser has reported it, but the box wrote its date every day: heard from.
        for day in range(1, 9):
            self.clock.now = NOW + timedelta(days=day)
            box.sudo().write({"ssl_certificate_end_date": NOW + timedelta(days=95)})
        self.run_cron(days=8)
        self.assertEqual(self.reminders(box), [], "not silent")
        self.assertEqual(box.https_certificate_reported_at, NOW + timedelta(days=8))


@tagged("at_install")
class TestRemindersAcrossCompanies(TransactionCase):
    """A reminder goes to someone who can open the box: an administrator of the box's company."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Users = cls.env["res.users"].with_context(no_reset_password=True)
        groups_field = "group_ids" if "group_ids" in Users._fields else "groups_id"
        companies = cls.env["res.company"].create([{"name": name} for name in ("Shop North", "Shop South", "Shop East", "Shop West")])
        cls.north, cls.south, cls.east, cls.west = companies
        main = cls.env.company

        def user(login, company, *groups):
            return Users.create({
                "name": login.replace("_", " ").title(), "login": login, "password": login,
                "company_id": company.id, "company_ids": [(6, 0, company.ids)],
                groups_field: [(6, 0, (cls.env.ref("base.group_user") | cls.env["res.groups"].browse([cls.env.ref(g).id for g in groups])).ids)],
            })

        cls.main_admin = user("iot_main_admin", main, "iot.group_iot_admin")
        cls.north_admin = user("iot_north_admin", cls.north, "iot.group_iot_admin")
        # South has no IoT administrator: its Settings administrator, who uses the IoT app.
        cls.south_settings = user("settings_south_admin", cls.south, "base.group_system", "iot.group_iot_user")
        # West's Settings administrator has no IoT rights: the box is hidden from them.
        cls.west_settings = user("settings_west_admin", cls.west, "base.group_system")
        cls.Box = cls.env["iot.box"]

    def setUp(self):
        super().setUp()
        self.clock = Clock.installed(self, NOW)

    def expired_box(self, name, company):
        box = self.Box.create({"name": name, "ip": "10.0.0.1", "company_id": company.id if company else False})
        box.report_https_certificate([{"id": box.id, "state": "expired", "end_date": at(-timedelta(days=1))}])
        return box

    def assignee(self, box):
        return self.env["mail.activity"].search([("res_model", "=", "iot.box"), ("res_id", "=", box.id)]).user_id

    def test_each_box_goes_to_an_administrator_of_its_company(self):
        main = self.expired_box("Main shop box", self.env.company)
        north = self.expired_box("North box", self.north)
        south = self.expired_box("South box", self.south)
        nobody = self.expired_box("East box", self.east)
        hidden = self.expired_box("West box", self.west)
        anywhere = self.expired_box("Box without a company", False)
        with self.assertLogs("odoo.addons.iot_https_certificate.models.iot_box_reminders", "WARNING") as logs:
            self.env["iot.box"]._cron_https_certificate_daily()
        self.assertEqual(self.assignee(north), self.north_admin, "its company's IoT administrator")
        self.assertEqual(self.assignee(south), self.south_settings, "else its company's Settings administrator")
        self.assertFalse(self.assignee(nobody), "nobody of its company: skipped")
        self.assertTrue(any(f"IoT box {nobody.id} " in line for line in logs.output), logs.output)
        self.assertFalse(self.assignee(hidden), "its Settings administrator cannot open it: skipped")
        self.assertTrue(any(f"IoT box {hidden.id} " in line for line in logs.output), logs.output)
        self.assertTrue(self.assignee(main), "the main company's box")
        self.assertTrue(self.assignee(anywhere), "a box without a company goes to any administrator")
        # Whoever is reminded can open the box.
        for box in (main, north, south, anywhere):
            user = self.assignee(box)
            readable = box.with_user(user).with_context(allowed_company_ids=user.company_ids.ids)
            self.assertEqual(readable.search([("id", "=", box.id)]), readable, f"{user.login} reads {box.name}")
            self.assertIn(box.company_id or user.company_id, user.company_ids)

    def test_one_box_refused_never_stops_the_others(self):
        north = self.expired_box("North box", self.north)
        south = self.expired_box("South box", self.south)
        from unittest.mock import patch

        from odoo.exceptions import UserError

        original = type(self.Box)._https_certificate_remind

        def remind(box, *args):
            if box == north:
                # What Odoo says when it refuses to assign an activity to a user.
                raise UserError("Assigned user has no access to the document and is not able to handle this activity.")
            return original(box, *args)

        with patch.object(type(self.Box), "_https_certificate_remind", remind), \
                self.assertLogs("odoo.addons.iot_https_certificate.models.iot_box_reminders", "ERROR") as logs:
            self.env["iot.box"]._cron_https_certificate_daily()
        self.assertFalse(self.assignee(north))
        self.assertEqual(self.assignee(south), self.south_settings, "the next box still gets its reminder")
        self.assertTrue(any(f"IoT box {north.id}:" in line for line in logs.output), logs.output)
