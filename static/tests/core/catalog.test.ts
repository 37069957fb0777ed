import { docUrl, docVersionOf, getCatalog, stepsFor } from "../../src/core/catalog";
import type { CatalogKey } from "../../src/core/catalog";
import { generationOrder, readServerVersion, readVersionHint } from "../../src/core/generation";
import { ERROR_CODES } from "../../src/core/observations";

const catalog = getCatalog();
const DOCS = "https://www.odoo.com/documentation/";

QUnit.module("iot_https_certificate/core/catalog", () => {
    QUnit.test("one complete entry for every state a user can meet", (assert) => {
        const expected: CatalogKey[] = [
            "checking", "ok", "renewal_overdue", "expired", "no_certificate", "no_valid_certificate", ...ERROR_CODES, "unknown_code",
            "dns_issue", "certificate_rejected", "https_blocked", "local_network_permission", "unreachable",
            "box_odoo_down", "status_hanging", "status_failing", "unreadable_answer", "invalid_address",
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

    QUnit.test("severities: OK is success, failed renewal warns, expired is danger, out of reach from here is grey", (assert) => {
        assert.strictEqual(catalog.entries.ok.severity, "success");
        assert.strictEqual(catalog.entries.renewal_overdue.severity, "warning");
        assert.strictEqual(catalog.entries.expired.severity, "danger");
        assert.strictEqual(catalog.entries.local_network_permission.severity, "secondary");
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
    const v17 = { major: 17, minor: 0 };
    const v18 = { major: 18, minor: 0 };
    const v19 = { major: 19, minor: 0 };

    QUnit.test("the documentation version: the generation found, else the database's series", (assert) => {
        assert.strictEqual(docVersionOf("19", v17, "17.0"), "19.0");
        assert.strictEqual(docVersionOf("18", undefined, undefined), "18.0");
        assert.strictEqual(docVersionOf("legacy", { major: 16, minor: 0 }, "23.11"), "16.0");
        assert.strictEqual(docVersionOf("legacy", v17, "24.01"), "17.0");
        assert.strictEqual(docVersionOf(undefined, v18, "23.11"), "18.0", "a 2023 image on an 18.0 database");
        assert.strictEqual(docVersionOf(undefined, v19, "L24.10"), "19.0");
        assert.strictEqual(docVersionOf(undefined, { major: 18, minor: 4 }, undefined), "19.0", "saas-18.4 boxes run iot_drivers");
        assert.strictEqual(docVersionOf(undefined, undefined, "saas-18.2"), "18.0", "a series-like version is a weak hint");
        assert.strictEqual(docVersionOf(undefined, undefined, false), "17.0");
    });

    QUnit.test("image versions are not Odoo series: 23.11 is a 2023 image, never 19.0+", (assert) => {
        assert.deepEqual(readVersionHint("saas-18.4"), { major: 18, minor: 4 });
        assert.deepEqual(readVersionHint(" 17.0-20240101 "), { major: 17, minor: 0 });
        assert.deepEqual(readVersionHint("L24.10-17.0#1a2b3c4"), { major: 17, minor: 0 }, "the box's own <letter><image>-<series>#<commit>");
        assert.deepEqual(readVersionHint("Ttest-19.0"), { major: 19, minor: 0 });
        assert.deepEqual(readVersionHint("L25.04-saas~18.3"), { major: 18, minor: 3 });
        assert.deepEqual(readVersionHint("W23.11-17.0-20240101"), { major: 17, minor: 0 }, "the Windows build suffix");
        assert.strictEqual(readVersionHint("L24.10-beta"), undefined);
        assert.strictEqual(docVersionOf(undefined, { major: 19, minor: 0 }, "L24.10-17.0#1a2b"), "17.0", "the box's series, not the database's");
        for (const image of ["23.11", "24.01", "24.10", "L24.10", "W23_11", "image"]) {
            assert.strictEqual(readVersionHint(image), undefined, image);
        }
        assert.strictEqual(readVersionHint(false), undefined);
        assert.strictEqual(docVersionOf(undefined, undefined, "23.11"), "17.0", "no series: the 17.0 page");
    });

    QUnit.test("the database's series, as the web client's server_version_info gives it", (assert) => {
        assert.deepEqual(readServerVersion([17, 0, 0, "final", 0, ""]), v17);
        assert.deepEqual(readServerVersion(["saas~18", 4, 0, "final", 0, ""]), { major: 18, minor: 4 });
        assert.strictEqual(readServerVersion(undefined), undefined);
        assert.strictEqual(readServerVersion(["x"]), undefined);
    });

    QUnit.test("generations are tried: the known one, the database's, then newest first", (assert) => {
        assert.deepEqual(generationOrder(undefined, undefined, undefined), ["19", "18", "legacy"]);
        assert.deepEqual(generationOrder(undefined, v17, "23.11"), ["18", "19", "legacy"], "a current 17.0 box has the 18.0-style status route");
        assert.deepEqual(generationOrder(undefined, v19, "L24.10-17.0#1a2b3c4"), ["18", "19", "legacy"], "the box's own series comes first");
        assert.deepEqual(generationOrder(undefined, v17, "Ttest-19.0"), ["19", "18", "legacy"]);
        assert.deepEqual(generationOrder(undefined, v18, "24.10"), ["18", "19", "legacy"]);
        assert.deepEqual(generationOrder(undefined, undefined, "saas-18.4"), ["19", "18", "legacy"]);
        assert.deepEqual(generationOrder(undefined, undefined, "24.10"), ["19", "18", "legacy"], "an image version hints nothing");
        assert.deepEqual(generationOrder("18", v19, "19.0"), ["18", "19", "legacy"]);
    });
});

QUnit.module("iot_https_certificate/core/first_step", () => {
    const catalog = getCatalog();
    const refresh = "Open the box homepage and refresh it once: each load makes the box retry the certificate.";
    const tried = ["renewal_overdue", "expired", "no_certificate", "ERR_IOT_HTTPS_CHECK_CERT_READ_EXCEPTION", "ERR_IOT_HTTPS_LOAD_NO_CREDENTIAL",
        "ERR_IOT_HTTPS_LOAD_REQUEST_EXCEPTION", "ERR_IOT_HTTPS_LOAD_REQUEST_STATUS", "ERR_IOT_HTTPS_LOAD_REQUEST_NO_RESULT"] as const;

    QUnit.test("every state where the box tried and failed begins with the documented first step", (assert) => {
        for (const key of tried) assert.strictEqual(stepsFor(catalog.entries[key], "18")[0], refresh, key);
        const noServer = stepsFor(catalog.entries.ERR_IOT_HTTPS_CHECK_NO_SERVER, "18");
        assert.ok(noServer[0].startsWith("Connect the box") && noServer[0].endsWith("then refresh the box homepage."), "connect first, then refresh");
    });

    QUnit.test("a 19.0 box is restarted instead: its home page no longer checks the certificate", (assert) => {
        for (const key of ["renewal_overdue", "expired", "no_certificate"] as const) {
            const steps = stepsFor(catalog.entries[key], "19");
            assert.ok(steps[0].startsWith("Restart the box"), key);
            assert.strictEqual(steps.length, catalog.entries[key].steps.length);
            assert.notOk(steps.includes(refresh), `${key}: no refresh step on 19.0`);
        }
        assert.ok(stepsFor(catalog.entries.no_valid_certificate, "19")[0].startsWith("Restart the box"));
    });
});
