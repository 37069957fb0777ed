/**
 * The QUnit suite Odoo runs at /web/tests (17.0) or /web/tests/legacy (18.0): the tests that
 * need nothing but QUnit. Browser component tests run on the stand-in (see tests/browser).
 */
import "./core/address.test";
import "./core/parsers.test";
import "./core/catalog.test";
import "./core/diagnosis.test";
import "./core/flapping.test";
import "./core/schedule.test";
import "./core/days.test";
import "./core/stored_report.test";
import "./store/box_status.test";
import "./store/status_store.test";
import "./store/tabs.test";
import "./store/reports.test";
import "./store/box_actions.test";
