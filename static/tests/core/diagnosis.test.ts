import { parseBoxAddress } from "../../src/core/address";
import { DAY_MS } from "../../src/core/days";
import { diagnose } from "../../src/core/diagnosis";
import type { BoxObservations, BoxReport, CertificateReport } from "../../src/core/observations";

const NOW = Date.UTC(2026, 10, 26, 12);
const named = parseBoxAddress("192-168-1-10.d73e7513.odoo-iot.com");
const plain = parseBoxAddress("192.168.1.10");
const answered = { kind: "answered", ms: 5 } as const;
const failed = { kind: "failed", ms: 3 } as const;
const report18 = (certificate: CertificateReport): BoxReport => ({ kind: "report", generation: "18", certificate });
const obs = (fields: Partial<BoxObservations>): BoxObservations => ({ pageProtocol: "http:", checkedAt: NOW - 1000, ...fields });

QUnit.module("iot_https_certificate/core/diagnosis", () => {
    QUnit.test("address_invalid: empty or malformed address", (assert) => {
        assert.deepEqual(diagnose(parseBoxAddress(false), undefined, NOW), { key: "invalid_address", rule: "address_invalid", detail: "empty" });
        const hostile = diagnose(parseBoxAddress("javascript:alert(1)"), obs({}), NOW);
        assert.deepEqual(hostile, { key: "invalid_address", rule: "address_invalid", detail: "javascript:alert(1)" });
    });

    QUnit.test("not_checked: nothing observed yet is checking", (assert) => {
        assert.deepEqual(diagnose(named, undefined, NOW), { key: "checking", rule: "not_checked" });
    });

    QUnit.test("box_code: the box's code wins, with status and detail", (assert) => {
        const verdict = diagnose(named, obs({
            name: answered,
            report: report18({ kind: "error", code: "ERR_IOT_HTTPS_LOAD_REQUEST_STATUS", status: "502", detail: "Bad Gateway" }),
        }), NOW);
        assert.deepEqual(verdict, {
            key: "ERR_IOT_HTTPS_LOAD_REQUEST_STATUS", code: "ERR_IOT_HTTPS_LOAD_REQUEST_STATUS", status: "502",
            detail: "Bad Gateway", rule: "box_code", generation: "18", checkedAt: NOW - 1000, nameAnswered: true,
        });
    });

    QUnit.test("box_unknown_text: unknown text becomes unknown_code, verbatim", (assert) => {
        const verdict = diagnose(named, obs({ lan: answered, report: report18({ kind: "unknown", text: "<img src=x>" }) }), NOW);
        assert.strictEqual(verdict.key, "unknown_code");
        assert.strictEqual(verdict.code, "<img src=x>");
        assert.strictEqual(verdict.rule, "box_unknown_text");
    });

    QUnit.test("end_passed: a passed end date is expired, from the box or from the database", (assert) => {
        const fromBox = diagnose(named, obs({ name: answered, report: report18({ kind: "valid", expiresAt: NOW - DAY_MS }) }), NOW);
        assert.deepEqual([fromBox.key, fromBox.rule], ["expired", "end_passed"]);
        const fromDb = diagnose(named, obs({ name: failed }), NOW, { endDate: NOW - 1 });
        assert.deepEqual([fromDb.key, fromDb.validUntil], ["expired", NOW - 1]);
    });

    QUnit.test("end_within_renewal: fewer than 10 days left means renewal failed", (assert) => {
        const verdict = diagnose(named, obs({ name: answered, report: report18({ kind: "valid", expiresAt: NOW + 9.5 * DAY_MS }) }), NOW);
        assert.deepEqual([verdict.key, verdict.rule], ["renewal_overdue", "end_within_renewal"]);
        const exactlyTen = diagnose(named, obs({ name: answered, report: report18({ kind: "valid", expiresAt: NOW + 10 * DAY_MS }) }), NOW);
        assert.strictEqual(exactlyTen.key, "ok", "10 full days left is still the normal renewal window");
    });

    QUnit.test("box_no_valid: a 19 box without an end date has no valid certificate, not 'no certificate yet'", (assert) => {
        const report19 = { kind: "report", generation: "19", certificate: { kind: "no_valid" } } as const;
        const verdict = diagnose(plain, obs({ lan: answered, report: report19 }), NOW);
        assert.deepEqual([verdict.key, verdict.rule, verdict.generation], ["no_valid_certificate", "box_no_valid", "19"]);
        const staleDb = diagnose(named, obs({ name: answered, report: report19 }), NOW, { endDate: NOW - DAY_MS });
        assert.strictEqual(staleDb.key, "expired", "an end date in the database that has passed says more");
    });

    QUnit.test("box_no_valid_trusted: no end date over an HTTPS name this browser trusts is a failed renewal, never OK", (assert) => {
        const report19 = { kind: "report", generation: "19", certificate: { kind: "no_valid" } } as const;
        const bare = diagnose(named, obs({ name: answered, report: report19 }), NOW);
        assert.deepEqual([bare.key, bare.rule, bare.validUntil], ["renewal_overdue", "box_no_valid_trusted", undefined]);
        const stored = { state: "ok", endDate: NOW + 5 * DAY_MS, reportedAt: NOW - DAY_MS } as const;
        const withStored = diagnose(named, obs({ name: answered, report: report19 }), NOW, { stored });
        assert.deepEqual([withStored.key, withStored.validUntil, withStored.endFromDatabase], ["renewal_overdue", NOW + 5 * DAY_MS, true], "the stored report's end date");
        const fromBox = diagnose(named, obs({ name: answered, report: report19 }), NOW, { endDate: NOW + 4 * DAY_MS });
        assert.deepEqual([fromBox.key, fromBox.validUntil], ["renewal_overdue", NOW + 4 * DAY_MS], "19.0's ssl_certificate_end_date");
        const contradicted = diagnose(named, obs({ name: answered, report: report19 }), NOW, { stored: { ...stored, endDate: NOW + 50 * DAY_MS } });
        assert.deepEqual([contradicted.key, contradicted.validUntil], ["renewal_overdue", undefined], "an end date the box contradicts is not shown");
    });

    QUnit.test("no_certificate: plain IP or a temporary certificate is no certificate yet", (assert) => {
        assert.strictEqual(diagnose(plain, obs({ lan: answered }), NOW).key, "no_certificate");
        const temp = diagnose(named, obs({ name: answered, report: report18({ kind: "missing" }) }), NOW);
        assert.deepEqual([temp.key, temp.rule], ["no_certificate", "no_certificate"]);
        const silentPlain = diagnose(plain, obs({ lan: failed }), NOW);
        assert.strictEqual(silentPlain.key, "unreachable", "a plain-IP box that does not answer is unreachable");
    });

    QUnit.test("answer_unreadable: an unreadable status answer is its own state, with the reason", (assert) => {
        const verdict = diagnose(named, obs({ name: answered, report: { kind: "unreadable", reason: "not_json", excerpt: "<html>" } }), NOW);
        assert.deepEqual([verdict.key, verdict.rule, verdict.detail], ["unreadable_answer", "answer_unreadable", "not_json: <html>"]);
    });

    QUnit.test("name_answered: the name answered: OK, with validity when known", (assert) => {
        const legacy = diagnose(named, obs({ name: answered, report: { kind: "alive", generation: "legacy" } }), NOW);
        assert.deepEqual(legacy, { key: "ok", rule: "name_answered", generation: "legacy", checkedAt: NOW - 1000, nameAnswered: true });
        const dated = diagnose(named, obs({ name: answered, report: report18({ kind: "valid", expiresAt: NOW + 60 * DAY_MS, subject: "*.d73e7513.odoo-iot.com" }) }), NOW);
        assert.deepEqual([dated.key, dated.validUntil, dated.subject], ["ok", NOW + 60 * DAY_MS, "*.d73e7513.odoo-iot.com"]);
        const db = diagnose(named, obs({ name: answered }), NOW, { endDate: NOW + 40 * DAY_MS });
        assert.deepEqual([db.key, db.validUntil, db.endFromDatabase], ["ok", NOW + 40 * DAY_MS, true]);
    });

    QUnit.test("name_refused: the name resolves over http but https fails: certificate rejected", (assert) => {
        const verdict = diagnose(named, obs({ name: failed, nameHttp: answered, lan: answered, report: report18({ kind: "valid" }) }), NOW);
        assert.deepEqual([verdict.key, verdict.rule], ["certificate_rejected", "name_refused"]);
    });

    QUnit.test("name_refused: this browser's evidence decides; the box's null on its IP is a detail", (assert) => {
        const report19 = { kind: "report", generation: "19", certificate: { kind: "no_valid" } } as const;
        const seen = obs({ name: failed, nameHttp: answered, lan: answered, report: report19 });
        const rejected = diagnose(named, seen, NOW);
        assert.deepEqual([rejected.key, rejected.rule, rejected.boxReport], ["certificate_rejected", "name_refused", { key: "no_valid_certificate" }]);
        const expired = diagnose(named, seen, NOW, { endDate: NOW - 2 * DAY_MS });
        assert.deepEqual([expired.key, expired.validUntil, expired.endFromDatabase], ["expired", NOW - 2 * DAY_MS, true], "a known end date that passed");
        const code = diagnose(named, obs({ name: failed, nameHttp: failed, lan: answered, report: report18({ kind: "error", code: "ERR_IOT_HTTPS_LOAD_REQUEST_STATUS", status: "503", detail: "x" }) }), NOW);
        assert.deepEqual([code.key, code.boxReport, code.detail], ["dns_issue", { key: "ERR_IOT_HTTPS_LOAD_REQUEST_STATUS", code: "ERR_IOT_HTTPS_LOAD_REQUEST_STATUS", status: "503" }, "x"]);
    });

    QUnit.test("box_silent, status_timeout, status_failed: only a box that answers its status route reports", (assert) => {
        const front = diagnose(named, obs({ name: answered, statusRoute: "silent" }), NOW, { endDate: NOW + 60 * DAY_MS });
        assert.deepEqual([front.key, front.rule], ["box_odoo_down", "box_silent"], "a front's error page is never OK");
        const alive = { kind: "alive", generation: "legacy" } as const;
        const hanging = diagnose(named, obs({ name: answered, report: alive, statusRoute: "timeout" }), NOW);
        assert.deepEqual([hanging.key, hanging.rule], ["status_hanging", "status_timeout"], "not unreachable");
        const failing = diagnose(named, obs({ name: answered, report: alive, statusRoute: "failed" }), NOW);
        assert.deepEqual([failing.key, failing.rule], ["status_failing", "status_failed"]);
    });

    QUnit.test("name_unresolved: the LAN IP answers, the name does not resolve: DNS issue", (assert) => {
        const verdict = diagnose(named, obs({ name: failed, nameHttp: failed, lan: answered }), NOW);
        assert.deepEqual([verdict.key, verdict.rule], ["dns_issue", "name_unresolved"]);
    });

    QUnit.test("name_untestable: from an https page the name's http probe is not allowed: HTTPS blocked", (assert) => {
        const verdict = diagnose(named, obs({ pageProtocol: "https:", name: failed, nameHttp: { kind: "skipped", reason: "page_protocol" }, lan: answered }), NOW);
        assert.deepEqual([verdict.key, verdict.rule], ["https_blocked", "name_untestable"]);
    });

    QUnit.test("permission_missing: nothing answers and local network access is not granted", (assert) => {
        for (const permission of ["prompt", "denied"] as const) {
            const verdict = diagnose(named, obs({ name: failed, lan: failed, localNetwork: permission }), NOW);
            assert.deepEqual([verdict.key, verdict.rule], ["local_network_permission", "permission_missing"]);
        }
    });

    QUnit.test("nothing_answered: nothing answers: unreachable, saying when it was a timeout", (assert) => {
        const verdict = diagnose(named, obs({ name: failed, lan: failed, localNetwork: "granted" }), NOW);
        assert.deepEqual([verdict.key, verdict.rule, verdict.detail], ["unreachable", "nothing_answered", undefined]);
        const slow = diagnose(named, obs({ name: { kind: "timeout", ms: 8000 }, lan: failed }), NOW);
        assert.deepEqual([slow.key, slow.detail], ["unreachable", "timeout"]);
    });
});
