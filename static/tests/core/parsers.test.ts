import { MAX_ANSWER_CHARS, parseBoxDate, parseHello, parseHomepageData, parseIotDriversData } from "../../src/core/parsers";
import { hostileString, seeded } from "../helpers/random";

const SECRETS = { db_uuid: "5ecret-db-uuid-0000", enterprise_code: "M1234567890SECRET" };
const homepage = (fields: object) => JSON.stringify({ hostname: "box", ...SECRETS, ...fields });
const DAY = 86_400_000;

QUnit.module("iot_https_certificate/core/parsers", () => {
    QUnit.test("18.0: a valid certificate, with the box's date moved back to the real end", (assert) => {
        const text = homepage({
            is_certificate_ok: true,
            certificate_details: "Your certificate *.d73e7513.odoo-iot.com is valid until 2026-12-20 08:00:00",
        });
        assert.deepEqual(parseHomepageData(text), {
            kind: "report",
            generation: "18",
            certificate: {
                kind: "valid",
                subject: "*.d73e7513.odoo-iot.com",
                expiresAt: Date.UTC(2026, 11, 20, 8) + 10 * DAY,
            },
        });
    });

    QUnit.test("18.0: the generic success text and an unparsable date stay valid without a date", (assert) => {
        const generic = parseHomepageData(homepage({ is_certificate_ok: true, certificate_details: "The HTTPS certificate was generated correctly" }));
        assert.deepEqual(generic, { kind: "report", generation: "18", certificate: { kind: "valid" } });
        const odd = parseHomepageData(homepage({ is_certificate_ok: true, certificate_details: "Your certificate x is valid until soon" }));
        assert.deepEqual(odd, { kind: "report", generation: "18", certificate: { kind: "valid", subject: "x", expiresAt: undefined } });
    });

    QUnit.test("18.0: the temporary certificate of a fresh image means no certificate", (assert) => {
        const text = homepage({ is_certificate_ok: true, certificate_details: "Your certificate OdooTempIoTBoxCertificate is valid until 2030-01-01 00:00:00" });
        assert.deepEqual(parseHomepageData(text), { kind: "report", generation: "18", certificate: { kind: "missing" } });
    });

    QUnit.test("18.0: each of the six codes, parsed by its first token", (assert) => {
        for (const code of [
            "ERR_IOT_HTTPS_CHECK_NO_SERVER",
            "ERR_IOT_HTTPS_CHECK_CERT_READ_EXCEPTION",
            "ERR_IOT_HTTPS_LOAD_NO_CREDENTIAL",
            "ERR_IOT_HTTPS_LOAD_REQUEST_NO_RESULT",
        ] as const) {
            const parsed = parseHomepageData(homepage({ is_certificate_ok: false, certificate_details: code }));
            assert.deepEqual(parsed, { kind: "report", generation: "18", certificate: { kind: "error", code } }, code);
        }
    });

    QUnit.test("18.0: REQUEST_STATUS carries its 3-digit status and the reason after the blank line", (assert) => {
        const text = homepage({ is_certificate_ok: false, certificate_details: "ERR_IOT_HTTPS_LOAD_REQUEST_STATUS 503\n\nService Unavailable" });
        assert.deepEqual(parseHomepageData(text), {
            kind: "report",
            generation: "18",
            certificate: { kind: "error", code: "ERR_IOT_HTTPS_LOAD_REQUEST_STATUS", status: "503", detail: "Service Unavailable" },
        });
        const noStatus = parseHomepageData(homepage({ is_certificate_ok: false, certificate_details: "ERR_IOT_HTTPS_LOAD_REQUEST_STATUS 5034" }));
        assert.deepEqual(noStatus, { kind: "report", generation: "18", certificate: { kind: "error", code: "ERR_IOT_HTTPS_LOAD_REQUEST_STATUS" } });
    });

    QUnit.test("18.0: REQUEST_EXCEPTION carries the exception text", (assert) => {
        const detail = "HTTPSConnectionPool(host='www.odoo.com', port=443): Max retries exceeded";
        const text = homepage({ is_certificate_ok: false, certificate_details: `ERR_IOT_HTTPS_LOAD_REQUEST_EXCEPTION\n\n${detail}` });
        const parsed = parseHomepageData(text);
        assert.deepEqual(parsed, {
            kind: "report",
            generation: "18",
            certificate: { kind: "error", code: "ERR_IOT_HTTPS_LOAD_REQUEST_EXCEPTION", detail },
        });
    });

    QUnit.test("18.0: an unknown code is kept verbatim, as text, and shortened", (assert) => {
        const parsed = parseHomepageData(homepage({ is_certificate_ok: false, certificate_details: "ERR_IOT_HTTPS_NEW_THING <b>x</b>" }));
        assert.deepEqual(parsed, { kind: "report", generation: "18", certificate: { kind: "unknown", text: "ERR_IOT_HTTPS_NEW_THING <b>x</b>" } });
        const long = parseHomepageData(homepage({ is_certificate_ok: false, certificate_details: "Z".repeat(5000) }));
        assert.strictEqual(long.kind === "report" && long.certificate.kind === "unknown" && long.certificate.text.length, 300);
    });

    QUnit.test("19: the end date, or null for no valid certificate (none, temporary, or renewal due)", (assert) => {
        const ok = parseIotDriversData(JSON.stringify({ ...SECRETS, certificate_end_date: "2027-02-01 10:00:00" }));
        assert.deepEqual(ok, { kind: "report", generation: "19", certificate: { kind: "valid", expiresAt: Date.UTC(2027, 1, 1, 10) } });
        const none = parseIotDriversData(JSON.stringify({ ...SECRETS, certificate_end_date: null }));
        assert.deepEqual(none, { kind: "report", generation: "19", certificate: { kind: "no_valid" } });
    });

    QUnit.test("hello: the plain text ping means alive", (assert) => {
        assert.deepEqual(parseHello("ping"), { kind: "alive", generation: "legacy" });
        assert.deepEqual(parseHello("ping\n"), { kind: "alive", generation: "legacy" });
        assert.deepEqual(parseHello("<html>pong</html>"), { kind: "unreadable", reason: "not_ping", excerpt: "<html>pong</html>" });
    });

    QUnit.test("malformed answers give a typed unreadable result", (assert) => {
        const reasons = (parse: (t: unknown) => { kind: string; reason?: string }, input: unknown) => parse(input).reason;
        assert.strictEqual(reasons(parseHomepageData, "{not json"), "not_json");
        assert.strictEqual(reasons(parseHomepageData, "<!DOCTYPE html><title>404</title>"), "not_json");
        assert.strictEqual(reasons(parseHomepageData, ""), "empty");
        assert.strictEqual(reasons(parseHomepageData, undefined), "empty");
        assert.strictEqual(reasons(parseHomepageData, "[1,2]"), "wrong_shape");
        assert.strictEqual(reasons(parseHomepageData, "null"), "wrong_shape");
        assert.strictEqual(reasons(parseHomepageData, "{}"), "wrong_shape", "missing keys");
        assert.strictEqual(reasons(parseHomepageData, '{"is_certificate_ok":"yes","certificate_details":""}'), "wrong_shape");
        assert.strictEqual(reasons(parseHomepageData, '{"is_certificate_ok":true,"certificate_details":42}'), "wrong_shape");
        assert.strictEqual(reasons(parseIotDriversData, "{}"), "wrong_shape");
        assert.strictEqual(reasons(parseIotDriversData, '{"certificate_end_date":"tomorrow"}'), "wrong_shape");
        assert.strictEqual(reasons(parseIotDriversData, '{"certificate_end_date":20270101}'), "wrong_shape");
        assert.strictEqual(reasons(parseIotDriversData, '{"certificate_end_date":"2027-02-30 00:00:00"}'), "wrong_shape");
        const huge = JSON.stringify({ is_certificate_ok: true, certificate_details: "x".repeat(MAX_ANSWER_CHARS) });
        assert.strictEqual(reasons(parseHomepageData, huge), "too_large");
        assert.strictEqual(reasons(parseHello, "ping".repeat(MAX_ANSWER_CHARS)), "too_large");
    });

    QUnit.test("db_uuid and enterprise_code are never kept, even in an unreadable excerpt", (assert) => {
        const inputs = [
            homepage({ is_certificate_ok: false, certificate_details: "ERR_IOT_HTTPS_LOAD_NO_CREDENTIAL" }),
            homepage({ is_certificate_ok: "bad" }),
            JSON.stringify({ ...SECRETS, certificate_end_date: "2027-01-01" }),
            JSON.stringify({ ...SECRETS }),
            `{"enterprise_code": "${SECRETS.enterprise_code}", "db_uuid": "${SECRETS.db_uuid}"`,
            `{"enterprise\\u005fcode": "${SECRETS.enterprise_code}", "x": 1}`,
            `enterprise_code=${SECRETS.enterprise_code} db_uuid=${SECRETS.db_uuid}`,
        ];
        for (const input of inputs) {
            for (const parse of [parseHomepageData, parseIotDriversData, parseHello]) {
                const kept = JSON.stringify(parse(input));
                assert.notOk(kept.includes(SECRETS.enterprise_code) || kept.includes(SECRETS.db_uuid), kept);
            }
        }
    });

    QUnit.test("box dates: Python's str(), ISO, offsets; impossible dates refused", (assert) => {
        assert.strictEqual(parseBoxDate("2026-03-01 12:00:00"), Date.UTC(2026, 2, 1, 12));
        assert.strictEqual(parseBoxDate("2026-03-01 12:00:00.123456+00:00"), Date.UTC(2026, 2, 1, 12));
        assert.strictEqual(parseBoxDate("2026-03-01T12:00:00+02:00"), Date.UTC(2026, 2, 1, 10));
        assert.strictEqual(parseBoxDate("2026-03-01"), Date.UTC(2026, 2, 1));
        assert.strictEqual(parseBoxDate("2026-13-01"), undefined);
        assert.strictEqual(parseBoxDate("2026-03-01 25:00:00"), undefined);
        assert.strictEqual(parseBoxDate("yesterday"), undefined);
    });

    QUnit.test("property: 5,000 hostile answers never throw and always give a typed result", (assert) => {
        const random = seeded(18);
        const kinds = new Set<string>();
        let untyped = 0;
        for (let i = 0; i < 5000; i++) {
            const fragment = hostileString(random);
            const inputs: unknown[] = [
                fragment,
                JSON.stringify({ is_certificate_ok: random() < 0.5, certificate_details: fragment }),
                JSON.stringify({ certificate_end_date: fragment }),
                JSON.stringify({ is_certificate_ok: fragment, certificate_details: [fragment] }),
                random() < 0.5 ? Number(fragment.length) : null,
            ];
            for (const input of inputs) {
                for (const parse of [parseHomepageData, parseIotDriversData, parseHello]) {
                    const result = parse(input);
                    kinds.add(result.kind);
                    if (!["report", "alive", "unreadable"].includes(result.kind)) untyped++;
                }
            }
        }
        assert.strictEqual(untyped, 0);
        assert.deepEqual([...kinds].sort(), ["report", "unreadable"], "the generator reaches both outcomes");
    });
});
