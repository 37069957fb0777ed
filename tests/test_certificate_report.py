from datetime import datetime, timedelta

from odoo.exceptions import AccessError, MissingError, ValidationError
from odoo.tests import TransactionCase, tagged

from .common import Clock, WriteCounter, make_iot_user

NOW = datetime(2026, 11, 26, 12, 0, 0)


def at(delta):
    return (NOW + delta).strftime("%Y-%m-%d %H:%M:%S")


@tagged("at_install")
class TestCertificateReport(TransactionCase):
    """`iot.box.report_https_certificate`: what a browser heard a box say, stored and checked."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user = make_iot_user(cls.env, "iot_report_user")
        cls.boxes = cls.env["iot.box"].create([{"name": f"Box {i}", "ip": f"10.0.0.{i}"} for i in range(1, 8)])
        cls.Box = cls.env["iot.box"].with_user(cls.user)

    def setUp(self):
        super().setUp()
        self.clock = Clock.installed(self, NOW)

    def report(self, *reports):
        return self.Box.report_https_certificate(list(reports))

    def stored(self, box):
        box.invalidate_recordset()
        return (box.https_certificate_state, box.https_certificate_end_date, box.https_certificate_error, box.https_certificate_reported_at)

    def test_each_valid_report_is_stored(self):
        b = self.boxes
        answer = self.report(
            {"id": b[0].id, "state": "ok", "end_date": at(timedelta(days=60))},
            {"id": b[1].id, "state": "renewal_due", "end_date": at(timedelta(days=5))},
            {"id": b[2].id, "state": "expired", "end_date": at(-timedelta(days=2))},
            {"id": b[3].id, "state": "error", "error": "ERR_IOT_HTTPS_LOAD_REQUEST_STATUS", "status": "503"},
            {"id": b[4].id, "state": "error", "error": "ERR_IOT_HTTPS_LOAD_NO_CREDENTIAL"},
            {"id": b[5].id, "state": "no_valid"},
            {"id": b[6].id, "state": "ok"},
        )
        self.assertEqual(self.stored(b[0]), ("ok", NOW + timedelta(days=60), False, NOW))
        self.assertEqual(self.stored(b[1]), ("renewal_due", NOW + timedelta(days=5), False, NOW))
        self.assertEqual(self.stored(b[2]), ("expired", NOW - timedelta(days=2), False, NOW))
        self.assertEqual(self.stored(b[3]), ("error", False, "ERR_IOT_HTTPS_LOAD_REQUEST_STATUS 503", NOW))
        self.assertEqual(self.stored(b[4]), ("error", False, "ERR_IOT_HTTPS_LOAD_NO_CREDENTIAL", NOW))
        self.assertEqual(self.stored(b[5]), ("no_valid", False, False, NOW))
        self.assertEqual(self.stored(b[6]), ("ok", False, False, NOW))
        self.assertEqual(answer[0], {"id": b[0].id, "reported_at": "2026-11-26 12:00:00"})
        self.assertEqual(set(self.boxes._fields["https_certificate_state"].get_values(self.env)), {"ok", "renewal_due", "expired", "error", "no_valid"})

    def test_the_web_client_reads_the_stored_report_as_one_value(self):
        b = self.boxes
        self.report(
            {"id": b[0].id, "state": "ok", "end_date": at(timedelta(days=60))},
            {"id": b[3].id, "state": "error", "error": "ERR_IOT_HTTPS_LOAD_REQUEST_STATUS", "status": "503"},
        )
        b.invalidate_recordset()
        # As a list asks for it: the widgets' field dependency, through web_search_read.
        rows = self.Box.web_search_read([("id", "in", b[:3].ids + b[3:4].ids)], {"https_certificate_facts": {}})["records"]
        facts = {row["id"]: row["https_certificate_facts"] for row in rows}
        empty = {"version": "", "box_end_date": False, "state": False, "end_date": False, "error": False, "reported_at": False}
        self.assertEqual(facts[b[0].id], {**empty, "state": "ok", "end_date": at(timedelta(days=60)), "reported_at": at(timedelta())})
        self.assertEqual(facts[b[3].id], {**empty, "state": "error", "error": "ERR_IOT_HTTPS_LOAD_REQUEST_STATUS 503", "reported_at": at(timedelta())})
        self.assertEqual(facts[b[1].id], empty, "a box that never reported")
        self.assertFalse(self.Box.fields_get(["https_certificate_facts"])["https_certificate_facts"]["exportable"])

    def test_the_state_follows_the_end_date_not_the_browsers_clock(self):
        self.report({"id": self.boxes[0].id, "state": "ok", "end_date": at(-timedelta(hours=1))})
        self.assertEqual(self.stored(self.boxes[0])[0], "expired")

    def test_each_invalid_report_is_refused_and_nothing_is_written(self):
        good = {"id": self.boxes[0].id, "state": "ok", "end_date": at(timedelta(days=60))}
        box = self.boxes[1].id
        bad_reports = [
            "ok",
            {"state": "ok"},
            {"id": "1", "state": "ok"},
            {"id": -3, "state": "ok"},
            {"id": True, "state": "ok"},
            {"id": box, "state": "dns_issue"},
            {"id": box, "state": "unreachable"},
            {"id": box, "state": "certificate_rejected"},
            {"id": box, "state": "error", "error": "ERR_IOT_HTTPS_SOMETHING_NEW"},
            {"id": box, "state": "error", "error": "<img src=x onerror=alert(1)>"},
            {"id": box, "state": "error"},
            {"id": box, "state": "error", "error": "ERR_IOT_HTTPS_LOAD_REQUEST_STATUS", "status": "50x"},
            {"id": box, "state": "error", "error": "ERR_IOT_HTTPS_LOAD_REQUEST_STATUS", "status": 503},
            {"id": box, "state": "error", "error": "ERR_IOT_HTTPS_LOAD_NO_CREDENTIAL", "status": "503"},
            {"id": box, "state": "error", "error": "ERR_IOT_HTTPS_LOAD_NO_CREDENTIAL", "end_date": at(timedelta(days=3))},
            {"id": box, "state": "ok", "error": "ERR_IOT_HTTPS_LOAD_NO_CREDENTIAL"},
            {"id": box, "state": "ok", "end_date": "2026-13-01 00:00:00"},
            {"id": box, "state": "ok", "end_date": "2026-11-31 00:00:00"},
            {"id": box, "state": "ok", "end_date": "2099-01-01 00:00:00"},
            {"id": box, "state": "ok", "end_date": "1999-01-01 00:00:00"},
            {"id": box, "state": "ok", "end_date": 1790000000},
            {"id": box, "state": "ok", "end_date": "tomorrow"},
            {"id": box, "state": "expired"},
            {"id": box, "state": "no_valid", "end_date": at(timedelta(days=3))},
        ]
        for bad in bad_reports:
            with self.subTest(bad=bad), self.assertRaises(ValidationError):
                self.report(good, bad)
            self.assertEqual(self.stored(self.boxes[0]), (False, False, False, False), "nothing written, not even the good report")
        for calls in ([], "not a list", [good] * 1001):
            with self.subTest(calls=str(calls)[:40]), self.assertRaises(ValidationError):
                self.Box.report_https_certificate(calls)
        with self.assertRaises(MissingError):
            self.report(good, {"id": 999999999, "state": "ok"})
        self.assertEqual(self.stored(self.boxes[0]), (False, False, False, False))

    def test_a_user_who_cannot_read_boxes_gets_an_access_error(self):
        outsider = self.env["res.users"].create({"name": "Outsider", "login": "iot_outsider", "password": "iot_outsider"})
        with self.assertRaises(AccessError):
            self.env["iot.box"].with_user(outsider).report_https_certificate([{"id": self.boxes[0].id, "state": "ok"}])
        self.assertEqual(self.stored(self.boxes[0]), (False, False, False, False))

    def test_secrets_never_reach_the_database(self):
        self.report({"id": self.boxes[0].id, "state": "ok", "end_date": at(timedelta(days=60)), "db_uuid": "6b1f-SECRET-UUID", "enterprise_code": "M2-SECRET-CODE"})
        self.assertEqual(self.stored(self.boxes[0])[0], "ok")
        for secret in ("SECRET-UUID", "SECRET-CODE"):
            self.env.flush_all()
            self.env.cr.execute("SELECT count(*) FROM iot_box WHERE row_to_json(iot_box)::text LIKE %s", [f"%{secret}%"])
            self.assertEqual(self.env.cr.fetchone()[0], 0)
            self.assertFalse(self.env["mail.message"].search([("body", "ilike", secret)]))

    def test_a_repeated_report_writes_nothing_until_twelve_hours_have_passed(self):
        report = {"id": self.boxes[0].id, "state": "ok", "end_date": at(timedelta(days=60))}
        self.report(report)
        messages = len(self.boxes[0].message_ids)
        counter = WriteCounter(self.env)
        with counter.patch():
            self.clock.now = NOW + timedelta(hours=11, minutes=59)
            self.report(report)
            self.assertEqual(counter.rows, {}, "the same report, 11 h 59 later: no write")
            self.clock.now = NOW + timedelta(hours=12, minutes=1)
            self.report(report)
        self.assertEqual(counter.rows, {self.boxes[0].id: 1}, "12 h later: reported_at refreshed")
        self.assertEqual(self.stored(self.boxes[0])[3], NOW + timedelta(hours=12, minutes=1))
        self.assertEqual(len(self.boxes[0].message_ids), messages, "no history line for a refresh")

    def test_each_change_goes_to_the_box_history(self):
        box = self.boxes[0]
        steps = [
            ({"state": "ok", "end_date": at(timedelta(days=30))}, "valid until 2026-12-26 12:00:00 UTC"),
            ({"state": "error", "error": "ERR_IOT_HTTPS_LOAD_REQUEST_NO_RESULT"}, "reports ERR_IOT_HTTPS_LOAD_REQUEST_NO_RESULT"),
            ({"state": "ok", "end_date": at(timedelta(days=90))}, "ERR_IOT_HTTPS_LOAD_REQUEST_NO_RESULT is cleared"),
            ({"state": "ok", "end_date": at(timedelta(days=180))}, "renewed: valid until 2027-05-25 12:00:00 UTC"),
        ]
        for report, words in steps:
            self.report({"id": box.id, **report})
            box.invalidate_recordset()
            self.assertIn(words, box.message_ids[0].body)

    def test_writes_stay_rare_with_twenty_browsers_reporting_every_hour(self):
        """The worst case the web client avoids: 20 browsers each report every box every hour
        for two days. Each box's row is still written at most twice a day."""
        boxes = self.env["iot.box"].create([{"name": f"Fleet {i}", "ip": f"10.1.0.{i}"} for i in range(50)])
        reports = [{"id": box.id, "state": "ok", "end_date": at(timedelta(days=80))} for box in boxes]
        counter = WriteCounter(self.env)
        calls = 0
        with counter.patch():
            for hour in range(48):
                for browser in range(20):
                    self.clock.now = NOW + timedelta(hours=hour, minutes=browser)
                    self.report(*reports)
                    calls += 1
        per_box_per_day = max(counter.rows.values()) / 2
        print(f"write rate: {calls} calls of {len(boxes)} boxes over 48 h, {sum(counter.rows.values())} row writes, "
              f"at most {per_box_per_day:g} writes per box per day")
        self.assertLessEqual(per_box_per_day, 2)
