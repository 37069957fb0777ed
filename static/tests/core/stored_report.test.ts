import { parseBoxAddress } from "../../src/core/address";
import { DAY_MS } from "../../src/core/days";
import { diagnose } from "../../src/core/diagnosis";
import { needsReport, outgoingReport, REFRESH_MS, serverDate, storedKey } from "../../src/core/stored_report";

const NOW = Date.UTC(2026, 10, 26, 12);
const HOUR = 3_600_000;

QUnit.module("iot_https_certificate/core/stored_report", () => {
    QUnit.test("what the database keeps of each report a box gives", (assert) => {
        assert.deepEqual(outgoingReport(1, { kind: "valid", expiresAt: NOW + 60 * DAY_MS }, NOW), { id: 1, state: "ok", end_date: "2027-01-25 12:00:00" });
        assert.deepEqual(outgoingReport(1, { kind: "valid", expiresAt: NOW + 5 * DAY_MS }, NOW)?.state, "renewal_due");
        assert.deepEqual(outgoingReport(1, { kind: "valid", expiresAt: NOW - DAY_MS }, NOW)?.state, "expired");
        assert.deepEqual(outgoingReport(1, { kind: "valid" }, NOW), { id: 1, state: "ok" });
        assert.deepEqual(outgoingReport(1, { kind: "error", code: "ERR_IOT_HTTPS_LOAD_REQUEST_STATUS", status: "503", detail: "Service Unavailable" }, NOW), {
            id: 1, state: "error", error: "ERR_IOT_HTTPS_LOAD_REQUEST_STATUS", status: "503",
        }, "the detail text stays in the browser");
        assert.deepEqual(outgoingReport(1, { kind: "no_valid" }, NOW), { id: 1, state: "no_valid" });
        assert.deepEqual(outgoingReport(1, { kind: "missing" }, NOW), { id: 1, state: "no_valid" });
        assert.strictEqual(outgoingReport(1, { kind: "unknown", text: "ERR_IOT_HTTPS_NEW" }, NOW), undefined, "unknown codes are never stored");
    });

    QUnit.test("a report is sent when it says something new, or when the stored copy is 12 hours old", (assert) => {
        const report = outgoingReport(1, { kind: "valid", expiresAt: NOW + 60 * DAY_MS }, NOW)!;
        const stored = { state: "ok" as const, endDate: NOW + 60 * DAY_MS, reportedAt: NOW - HOUR };
        assert.notOk(needsReport(report, stored, NOW), "the same facts, an hour old");
        assert.ok(needsReport(report, { ...stored, reportedAt: NOW - REFRESH_MS }, NOW), "12 hours old");
        assert.ok(needsReport(report, { ...stored, endDate: NOW + 59 * DAY_MS }, NOW), "another end date");
        assert.ok(needsReport(report, undefined, NOW), "nothing stored yet");
        const error = outgoingReport(1, { kind: "error", code: "ERR_IOT_HTTPS_LOAD_REQUEST_STATUS", status: "503" }, NOW)!;
        assert.notOk(needsReport(error, { state: "error", error: "ERR_IOT_HTTPS_LOAD_REQUEST_STATUS 503", reportedAt: NOW - HOUR }, NOW));
        assert.ok(needsReport(error, { state: "error", error: "ERR_IOT_HTTPS_LOAD_REQUEST_STATUS 502", reportedAt: NOW - HOUR }, NOW));
    });

    QUnit.test("a stored report reads as today: its end date moves it from valid to expired", (assert) => {
        assert.deepEqual(storedKey({ state: "ok", endDate: NOW - HOUR }, NOW), { key: "expired" });
        assert.deepEqual(storedKey({ state: "ok", endDate: NOW + 3 * DAY_MS }, NOW), { key: "renewal_overdue" });
        assert.deepEqual(storedKey({ state: "error", error: "ERR_IOT_HTTPS_LOAD_REQUEST_STATUS 503" }, NOW), {
            key: "ERR_IOT_HTTPS_LOAD_REQUEST_STATUS", code: "ERR_IOT_HTTPS_LOAD_REQUEST_STATUS", status: "503",
        });
        assert.deepEqual(storedKey({ state: "error", error: "<b>not a code</b>" }, NOW), { key: "unknown_code" });
        assert.deepEqual(storedKey({ state: "no_valid" }, NOW), { key: "no_valid_certificate" });
        assert.strictEqual(serverDate(Date.UTC(2027, 1, 1, 0, 0, 0, 999)), "2027-02-01 00:00:00");
    });

    QUnit.test("out of reach from here: the verdict stays this browser's, and carries the stored report", (assert) => {
        const address = parseBoxAddress("10-0-0-1.abcd1234.odoo-iot.com");
        const failed = { kind: "failed" as const, ms: 5 };
        const stored = { state: "expired" as const, endDate: NOW - 3 * DAY_MS, reportedAt: NOW - 2 * HOUR };
        const verdict = diagnose(address, { name: failed, lan: failed, pageProtocol: "http:", checkedAt: NOW }, NOW, { stored });
        assert.deepEqual([verdict.key, verdict.stored, verdict.validUntil, verdict.endFromDatabase], [
            "unreachable", { key: "expired", reportedAt: NOW - 2 * HOUR }, NOW - 3 * DAY_MS, true,
        ]);
        const reached = diagnose(address, { name: { kind: "answered", ms: 5 }, pageProtocol: "http:", checkedAt: NOW }, NOW, { stored });
        assert.deepEqual([reached.key, reached.stored, reached.validUntil], ["ok", undefined, undefined], "a box answering here is judged by what it shows here");
    });
});
