import { docUrl, docVersionOf, getCatalog } from "../../src/core/catalog";
import type { CatalogKey } from "../../src/core/catalog";
import { generationOrder, readVersionHint } from "../../src/core/generation";
import { ERROR_CODES } from "../../src/core/observations";

const catalog = getCatalog();
const DOCS = "https://www.odoo.com/documentation/";

QUnit.module("iot_https_certificate/core/catalog", () => {
    QUnit.test("one complete entry for every state a user can meet", (assert) => {
        const expected: CatalogKey[] = [
            "checking", "ok", "renewal_overdue", "expired", "no_certificate", ...ERROR_CODES, "unknown_code",
            "dns_issue", "certificate_rejected", "https_blocked", "local_network_permission", "unreachable",
            "unreadable_answer", "invalid_address",
        ];
        assert.deepEqual(Object.keys(catalog.entries).sort(), [...expected].sort());
        for (const key of expected) {
            const entry = catalog.entries[key];
            assert.ok(entry.label && entry.title && entry.cause, `${key} has a label, a title and a cause`);
            assert.ok(key === "checking" || entry.steps.length > 0, `${key} has steps`);
            assert.ok(entry.steps.every((step) => step.length > 10), `${key} steps are sentences`);
        }
    });

    QUnit.test("each of the six codes links to its own anchor on the 16.0 and 17.0/18.0 pages", (assert) => {
        for (const code of ERROR_CODES) {
            const anchor = code.toLowerCase().replace(/_/g, "-");
            const entry = catalog.entries[code];
            assert.strictEqual(docUrl(entry, "16.0"), `${DOCS}16.0/applications/general/iot/config/https_certificate_iot.html#${anchor}`);
            assert.strictEqual(docUrl(entry, "17.0"), `${DOCS}17.0/applications/general/iot/iot_advanced/https_certificate_iot.html#${anchor}`);
            assert.strictEqual(docUrl(entry, "18.0"), `${DOCS}18.0/applications/general/iot/iot_advanced/https_certificate_iot.html#${anchor}`);
            assert.strictEqual(entry.severity, "danger");
        }
    });

    QUnit.test("the 19.0 page links to its headings instead of codes", (assert) => {
        const at19 = (key: CatalogKey) => docUrl(catalog.entries[key], "19.0").split("#")[1];
        assert.strictEqual(at19("ERR_IOT_HTTPS_LOAD_NO_CREDENTIAL"), "missing-credentials");
        assert.strictEqual(at19("ERR_IOT_HTTPS_LOAD_REQUEST_EXCEPTION"), "odoo-com-not-reachable");
        assert.strictEqual(at19("ERR_IOT_HTTPS_LOAD_REQUEST_STATUS"), "odoo-com-not-reachable");
        assert.strictEqual(at19("ERR_IOT_HTTPS_LOAD_REQUEST_NO_RESULT"), "still-no-certificate");
        assert.strictEqual(at19("no_certificate"), "still-no-certificate");
    });

    QUnit.test("severities: OK is success, failed renewal warns, expired is danger, permission is info", (assert) => {
        assert.strictEqual(catalog.entries.ok.severity, "success");
        assert.strictEqual(catalog.entries.renewal_overdue.severity, "warning");
        assert.strictEqual(catalog.entries.expired.severity, "danger");
        assert.strictEqual(catalog.entries.local_network_permission.severity, "info");
        assert.strictEqual(catalog.entries.unreachable.severity, "secondary");
    });

    QUnit.test("no certificate and the eligibility code show the eligibility checklist", (assert) => {
        assert.strictEqual(catalog.entries.no_certificate.checklist, "eligibility");
        assert.strictEqual(catalog.entries.ERR_IOT_HTTPS_LOAD_REQUEST_NO_RESULT.checklist, "eligibility");
        assert.strictEqual(docUrl(catalog.entries.no_certificate, "17.0").split("#")[1], "internet-of-things-iot-eligibility");
        assert.ok(catalog.checklists.eligibility.some((item) => /production/.test(item)));
        assert.ok(catalog.checklists.eligibility.some((item) => /IoT Box Subscription/.test(item)));
    });

    QUnit.test("the DNS issue gives router and per-device steps, and spares payment terminals", (assert) => {
        assert.strictEqual(catalog.entries.dns_issue.checklist, "dns");
        assert.strictEqual(docUrl(catalog.entries.dns_issue, "17.0").split("#")[1], "domain-name-system-dns-issue");
        const [router, devices, terminals] = catalog.checklists.dns;
        assert.ok(/router/.test(router) && /Google DNS/.test(router));
        assert.ok(/every computer, tablet and phone/.test(devices));
        assert.ok(/Payment terminals usually need no change/.test(terminals));
    });

    QUnit.test("local network permission has its own steps ending with Check now", (assert) => {
        assert.strictEqual(catalog.entries.local_network_permission.checklist, "local_network");
        assert.ok(/Check now/.test(catalog.checklists.local_network.at(-1)!));
    });
});

QUnit.module("iot_https_certificate/core/versions", () => {
    QUnit.test("the documentation version: the generation found, else the image version's hint", (assert) => {
        assert.strictEqual(docVersionOf("19", "17.0"), "19.0");
        assert.strictEqual(docVersionOf("18", undefined), "18.0");
        assert.strictEqual(docVersionOf("legacy", "16.0"), "16.0");
        assert.strictEqual(docVersionOf("legacy", "17.0"), "17.0");
        assert.strictEqual(docVersionOf(undefined, "saas-18.2"), "18.0");
        assert.strictEqual(docVersionOf(undefined, "19.0"), "19.0");
        assert.strictEqual(docVersionOf(undefined, false), "17.0");
    });

    QUnit.test("version hints read Odoo series and saas names; anything else is no hint", (assert) => {
        assert.deepEqual(readVersionHint("saas-18.4"), { major: 18, minor: 4 });
        assert.deepEqual(readVersionHint(" 17.0-20240101 "), { major: 17, minor: 0 });
        assert.strictEqual(readVersionHint("image"), undefined);
        assert.strictEqual(readVersionHint(false), undefined);
    });

    QUnit.test("generations are tried: the known one, the hinted one, then newest first", (assert) => {
        assert.deepEqual(generationOrder(undefined, undefined), ["19", "18", "legacy"]);
        assert.deepEqual(generationOrder(undefined, "17.0"), ["legacy", "19", "18"]);
        assert.deepEqual(generationOrder(undefined, "saas-18.4"), ["19", "18", "legacy"]);
        assert.deepEqual(generationOrder("18", "19.0"), ["18", "19", "legacy"]);
    });
});
