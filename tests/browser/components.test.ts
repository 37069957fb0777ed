import { parseBoxAddress } from "../../static/src/core/address";
import { docUrl, getCatalog } from "../../static/src/core/catalog";
import type { CatalogKey } from "../../static/src/core/catalog";
import type { Verdict } from "../../static/src/core/diagnosis";
import type { BoxStatus } from "../../static/src/store/box_status";
import { expiryOf, expiryPhrase } from "../../static/src/core/days";
import { CertificatePanel } from "../../static/src/components/certificate_panel/certificate_panel";
import { STATUS_SERVICE } from "../../static/src/odoo/status_service";
import { CertificateBadgeField, HttpsLinkField } from "../../static/src/odoo/widgets";
import { BODY_19_OK } from "../../static/tests/helpers/fake_network";
import { makeHarness } from "../../static/tests/helpers/store_harness";
import { cleanup, mountComponent, nextTick, text, waitFor } from "./helpers";
import { showsLock } from "../lock.mjs";

const BOX_NAME = "192-168-1-10.d73e7513.odoo-iot.com";
const NOW = Date.UTC(2026, 10, 26, 12);
const DAY = 86_400_000;
const catalog = getCatalog();

function statusOf(key: CatalogKey, verdict: Partial<Verdict> = {}, ip: unknown = BOX_NAME): BoxStatus {
    return { boxId: 7, address: parseBoxAddress(ip), verdict: { key, rule: "name_answered", generation: "18", ...verdict }, checking: false, lastCheckedAt: NOW - 3 * 60_000 };
}

const EXTRA: Partial<Record<CatalogKey, Partial<Verdict>>> = {
    ok: { validUntil: NOW + 60 * DAY, subject: "*.d73e7513.odoo-iot.com" },
    renewal_overdue: { validUntil: NOW + 4 * DAY },
    expired: { validUntil: NOW - 2 * DAY },
    ERR_IOT_HTTPS_LOAD_REQUEST_STATUS: { code: "ERR_IOT_HTTPS_LOAD_REQUEST_STATUS", status: "503", detail: "Service Unavailable" },
    ERR_IOT_HTTPS_LOAD_REQUEST_EXCEPTION: { code: "ERR_IOT_HTTPS_LOAD_REQUEST_EXCEPTION", detail: "Max retries exceeded with url: /odoo-enterprise/iot/x509" },
    unknown_code: { code: "ERR_IOT_HTTPS_SOMETHING_NEW" },
};

/** The props Odoo gives a field widget on the `ip` field of a box record. */
const ipField = (ip: unknown) => ({ name: "ip", record: { resId: 7, data: { ip } } });
/** The services a field widget finds in Odoo's env: a status store on a network where no box answers. */
const storeEnv = () => ({ services: { [STATUS_SERVICE]: makeHarness().store } });
/** What the widgets pass as `expiryText`, in UTC for these tests. */
const expiryAt = (validUntil: number | undefined) => (validUntil === undefined ? "" : expiryPhrase(expiryOf(validUntil, NOW, "UTC")));

function panelProps(status: BoxStatus, calls: { checkNow: number; copied: string[] }) {
    return {
        status,
        identity: { name: "Shop box", identifier: "b8:27:eb:00:00:01", version: "18.0" },
        checkedAgo: "3 minutes ago",
        validUntilText: status.verdict.validUntil ? new Date(status.verdict.validUntil).toISOString().slice(0, 10) : "",
        expiryText: expiryAt(status.verdict.validUntil),
        reported: { ago: "2 hours ago", stale: false },
        nowText: "11/26/2026 12:00:00",
        docVersion: "18.0",
        onCheckNow: () => calls.checkNow++,
        copy: async (value: string) => void calls.copied.push(value),
    };
}

QUnit.module("components", (hooks) => {
    hooks.afterEach(cleanup);

    for (const key of Object.keys(catalog.entries) as CatalogKey[]) {
        QUnit.test(`panel and badge show the "${key}" state as a user reads it`, async (assert) => {
            const entry = catalog.entries[key];
            const status = statusOf(key, ERROR_KEYS.has(key) ? { code: key, ...EXTRA[key] } : EXTRA[key]);
            const calls = { checkNow: 0, copied: [] as string[] };
            const target = await mountComponent(CertificatePanel, panelProps(status, calls));
            const panel = target.querySelector(".o_iot_https_panel")!;
            assert.strictEqual(panel.getAttribute("role"), "status");
            assert.strictEqual(panel.getAttribute("aria-live"), "polite");
            const problem = entry.severity !== "success" && key !== "checking";
            assert.strictEqual(panel.classList.contains(`alert-${entry.severity}`), problem, "an alert only when there is a problem");
            assert.strictEqual(text(panel.querySelector(".o_iot_https_title")), entry.title);
            assert.strictEqual(text(panel.querySelector(".o_iot_https_cause")), entry.cause);
            assert.strictEqual(panel.querySelectorAll(".o_iot_https_steps li").length, entry.steps.length);

            const badge = panel.querySelector(".o_iot_https_badge")!;
            const dated = ["renewal_overdue", "expired"].includes(key);
            assert.strictEqual(text(badge), dated ? expiryAt(status.verdict.validUntil) : entry.label, "the badge's state is in its text");
            assert.ok(badge.classList.contains(`text-bg-${entry.severity}`));
            assert.ok(badge.querySelector("i.fa"), "with an icon");
            assert.ok(badge.getAttribute("title")!.includes("Last checked 3 minutes ago"));

            const link = panel.querySelector<HTMLAnchorElement>("a.o_iot_https_doc")!;
            assert.strictEqual(link.getAttribute("href"), docUrl(entry, "18.0"));
            assert.strictEqual(link.getAttribute("rel"), "noopener noreferrer");

            const checklist = panel.querySelector(".o_iot_https_checklist");
            assert.strictEqual(!!checklist, !!entry.checklist, "the checklist for this state");
            if (entry.checklist) assert.strictEqual(checklist!.querySelectorAll("li").length, catalog.checklists[entry.checklist].length);

            const code = panel.querySelector(".o_iot_https_code code");
            assert.strictEqual(text(code), status.verdict.code ?? "", "the code, when there is one");
            if (status.verdict.status) assert.strictEqual(text(panel.querySelector(".o_iot_https_status strong")), status.verdict.status);
            assert.strictEqual(text(panel.querySelector(".o_iot_https_detail")), status.verdict.detail ?? "");
            if (status.verdict.validUntil !== undefined) {
                assert.strictEqual(text(panel.querySelector(".o_iot_https_expiry")), expiryAt(status.verdict.validUntil));
                assert.ok(badge.getAttribute("title")!.includes(expiryAt(status.verdict.validUntil)), "the tooltip counts the same days");
                assert.ok(text(panel.querySelector(".o_iot_https_valid_until")).length > 0);
            }
            assert.strictEqual(text(panel.querySelector(".o_iot_https_checked")), "Last checked 3 minutes ago");

            (panel.querySelector(".o_iot_https_check_now") as HTMLButtonElement).click();
            assert.strictEqual(calls.checkNow, 1, "Check now asks the store");
        });
    }

    QUnit.test("copy support details: code, 3-digit status, box, version and time; never a secret", async (assert) => {
        const calls = { checkNow: 0, copied: [] as string[] };
        const status = statusOf("ERR_IOT_HTTPS_LOAD_REQUEST_STATUS", EXTRA.ERR_IOT_HTTPS_LOAD_REQUEST_STATUS);
        const target = await mountComponent(CertificatePanel, panelProps(status, calls));
        (target.querySelector(".o_iot_https_copy") as HTMLButtonElement).click();
        await nextTick();
        const [copied] = calls.copied;
        assert.ok(copied.includes("Code: ERR_IOT_HTTPS_LOAD_REQUEST_STATUS 503"));
        assert.ok(copied.includes("IoT box: Shop box (b8:27:eb:00:00:01)"));
        assert.ok(copied.includes("Image version: 18.0"));
        assert.ok(copied.includes("Checked: 11/26/2026 12:00:00"));
        assert.notOk(/enterprise|db_uuid/i.test(copied));
        assert.strictEqual(text(target.querySelector(".o_iot_https_copied")), "Copied");
    });

    QUnit.test("copy support details of a box out of reach: the stored report and when it was heard", async (assert) => {
        const calls = { checkNow: 0, copied: [] as string[] };
        const stored = { key: "ERR_IOT_HTTPS_LOAD_REQUEST_STATUS" as const, code: "ERR_IOT_HTTPS_LOAD_REQUEST_STATUS", status: "503", reportedAt: NOW - 7_200_000 };
        const target = await mountComponent(CertificatePanel, panelProps(statusOf("unreachable", { stored }), calls));
        assert.strictEqual(text(target.querySelector(".o_iot_https_stored")), "Not reachable from this computer · 2 hours ago, the box reported: Error: odoo.com answered (ERR_IOT_HTTPS_LOAD_REQUEST_STATUS 503).");
        (target.querySelector(".o_iot_https_copy") as HTMLButtonElement).click();
        await nextTick();
        assert.ok(calls.copied[0].includes("Stored report: ERR_IOT_HTTPS_LOAD_REQUEST_STATUS 503, reported 2026-11-26T10:00:00.000Z"), calls.copied[0]);
    });

    QUnit.test("the link opens the validated name in a new tab; other values are muted text", async (assert) => {
        let target = await mountComponent(HttpsLinkField, ipField(BOX_NAME), storeEnv());
        const link = target.querySelector("a")!;
        assert.strictEqual(link.getAttribute("href"), `https://${BOX_NAME}/`);
        assert.strictEqual(link.getAttribute("target"), "_blank");
        assert.strictEqual(link.getAttribute("rel"), "noopener noreferrer");
        cleanup();
        target = await mountComponent(HttpsLinkField, ipField("192.168.1.10"), storeEnv());
        assert.notOk(target.querySelector("a"));
        assert.strictEqual(text(target), "No certificate yet");
        assert.ok(target.querySelector(".text-muted"));
    });

    QUnit.test("expiry words: the badge, its tooltip, the panel and the support details count the same days", async (assert) => {
        const cases: [number, string][] = [
            [NOW + 5 * DAY, "Expires in 5 days"],
            [NOW + DAY, "Expires tomorrow"],
            [NOW + 3_600_000, "Expires today"],
            [NOW - DAY, "Expired yesterday"],
            [NOW - 4 * DAY, "Expired 4 days ago"],
        ];
        for (const [validUntil, words] of cases) {
            cleanup();
            const key = validUntil > NOW ? "renewal_overdue" : "expired";
            const calls = { checkNow: 0, copied: [] as string[] };
            const target = await mountComponent(CertificatePanel, panelProps(statusOf(key, { validUntil }), calls));
            const badge = target.querySelector(".o_iot_https_badge")!;
            assert.strictEqual(text(badge), words, `badge: ${words}`);
            assert.ok(badge.getAttribute("title")!.includes(`${words}.`), "tooltip");
            assert.strictEqual(text(target.querySelector(".o_iot_https_expiry")), words, "panel");
            assert.notOk(/(^|\s)-\d/.test(text(target)), "never a negative number");
            (target.querySelector(".o_iot_https_copy") as HTMLButtonElement).click();
            await nextTick();
            assert.ok(calls.copied[0].includes(`(${words})`), "support details");
        }
    });

    QUnit.test("a name that does not work from here: no lock, a warning icon, a tooltip and the panel's words", async (assert) => {
        for (const key of ["dns_issue", "certificate_rejected", "https_blocked", "expired"] as CatalogKey[]) {
            cleanup();
            const target = await mountComponent(CertificatePanel, panelProps(statusOf(key), { checkNow: 0, copied: [] }));
            const link = target.querySelector<HTMLAnchorElement>("a.o_iot_https_link")!;
            assert.notOk(showsLock(link), `${key}: no lock`);
            assert.ok(link.querySelector(".fa-exclamation-triangle"), `${key}: a warning icon`);
            assert.ok(link.classList.contains("text-muted"), `${key}: muted`);
            const why = text(target.querySelector(".o_iot_https_name_problem"));
            assert.ok(why.length > 20, `${key}: the panel says why`);
            assert.strictEqual(link.getAttribute("title"), `${BOX_NAME} · ${why}`, `${key}: the tooltip says it too`);
        }
        cleanup();
        const target = await mountComponent(CertificatePanel, panelProps(statusOf("ok", { nameAnswered: true }), { checkNow: 0, copied: [] }));
        assert.ok(showsLock(target.querySelector("a.o_iot_https_link")!), "a working name keeps its lock");
        assert.notOk(target.querySelector(".o_iot_https_name_problem, .o_iot_https_link_broken"));
    });

    QUnit.test("in the list, the link of a name that does not resolve loses its lock once the box is diagnosed", async (assert) => {
        const h = makeHarness();
        const name = "10-0-0-1.d73e7513.odoo-iot.com";
        h.network.hosts.set("10.0.0.1:8069", { kind: "box", generation: "19", body: BODY_19_OK });
        const target = await mountComponent(HttpsLinkField, ipField(name), { services: { [STATUS_SERVICE]: h.store } });
        assert.ok(showsLock(target.querySelector("a.o_iot_https_link")!), "before any verdict the link looks normal");
        await h.clock.advance(1000);
        await waitFor(() => !!target.querySelector("a.o_iot_https_link_broken"), "the DNS issue on the link");
        const link = target.querySelector("a.o_iot_https_link")!;
        assert.notOk(showsLock(link));
        assert.ok(link.getAttribute("title")!.includes("does not resolve from this browser"));
        assert.strictEqual(link.getAttribute("href"), `https://${name}/`, "still the validated name");
    });

    QUnit.test("Open the box home page: on the name when it worked from here, else on the LAN address", async (assert) => {
        const homepage = async (status: BoxStatus) => {
            cleanup();
            const target = await mountComponent(CertificatePanel, panelProps(status, { checkNow: 0, copied: [] }));
            const link = target.querySelector<HTMLAnchorElement>("a.o_iot_https_homepage");
            return link && [link.getAttribute("href"), link.getAttribute("target"), link.getAttribute("rel"), text(link)];
        };
        assert.deepEqual(await homepage(statusOf("ok", { nameAnswered: true })), [`https://${BOX_NAME}/`, "_blank", "noopener noreferrer", "Open the box home page"]);
        assert.deepEqual((await homepage(statusOf("dns_issue")))![0], "http://192.168.1.10:8069/", "the DNS issue: reach the box by its IP address");
        assert.deepEqual((await homepage(statusOf("no_certificate", {}, "192.168.1.10")))![0], "http://192.168.1.10:8069/");
        assert.strictEqual(await homepage(statusOf("invalid_address", {}, "javascript:alert(1)")), null, "no link to an address not validated");
    });

    QUnit.test("a certificate the box reports valid and this browser rejects: both in one sentence", async (assert) => {
        const status = statusOf("certificate_rejected", { validUntil: NOW + 59 * DAY });
        const target = await mountComponent(CertificatePanel, panelProps(status, { checkNow: 0, copied: [] }));
        const expected = `The box reports a certificate valid until ${new Date(NOW + 59 * DAY).toISOString().slice(0, 10)}, but this browser does not accept it.`;
        assert.strictEqual(text(target.querySelector(".o_iot_https_rejected_validity")), expected);
        assert.notOk(target.querySelector(".o_iot_https_validity"), "no bare 'Valid until … Days left 59' beside the red badge");
    });

    QUnit.test("an unknown text: the words say where it is, and it is there", async (assert) => {
        const target = await mountComponent(CertificatePanel, panelProps(statusOf("unknown_code", { code: "ERR_IOT_HTTPS_SOMETHING_NEW" }), { checkNow: 0, copied: [] }));
        const code = target.querySelector(".o_iot_https_code")!;
        const cause = target.querySelector(".o_iot_https_cause")!;
        assert.ok(text(cause).includes("shown above"));
        assert.ok(code.compareDocumentPosition(cause) & Node.DOCUMENT_POSITION_FOLLOWING, "the box's text comes before the sentence about it");
        const steps = target.querySelector(".o_iot_https_steps")!;
        assert.ok(text(steps).includes("the text above"));
        assert.ok(code.compareDocumentPosition(steps) & Node.DOCUMENT_POSITION_FOLLOWING);
    });

    QUnit.test("hostile ip, detail and code show up as inert text, never a link or markup", async (assert) => {
        const hostile = `<img src=x onerror="window.owned=1"><a href="javascript:alert(1)">x</a>`;
        let target = await mountComponent(HttpsLinkField, ipField(hostile), storeEnv());
        assert.notOk(target.querySelector("a, img"), "no element from the value");
        assert.ok(text(target).startsWith("Invalid address: <img"));
        cleanup();
        const status = statusOf("unknown_code", { code: hostile, detail: `<script>window.owned=1</script>${hostile}` }, hostile);
        target = await mountComponent(CertificatePanel, panelProps(status, { checkNow: 0, copied: [] }));
        assert.notOk(target.querySelector(".o_iot_https_detail *, .o_iot_https_code code *, img, script"), "no markup rendered");
        assert.ok(text(target.querySelector(".o_iot_https_detail")).includes("<script>"));
        assert.strictEqual((window as { owned?: number }).owned, undefined);
    });

    QUnit.test("badge: checking is shown honestly next to the last verdict", async (assert) => {
        const h = makeHarness();
        h.network.hosts.set(BOX_NAME, { kind: "box", generation: "19", body: BODY_19_OK });
        const target = await mountComponent(CertificateBadgeField, ipField(BOX_NAME), { services: { [STATUS_SERVICE]: h.store } });
        await h.clock.advance(100);
        await waitFor(() => target.querySelector(".o_iot_https_badge")?.getAttribute("data-state") === "ok", "the OK verdict");
        void h.store.checkNow(7);
        await waitFor(() => target.querySelector(".o_iot_https_badge")?.getAttribute("aria-busy") === "true", "the check in flight");
        const badge = target.querySelector(".o_iot_https_badge")!;
        assert.strictEqual(badge.getAttribute("aria-busy"), "true");
        assert.ok(badge.querySelector(".o_iot_https_checking"));
        assert.strictEqual(text(badge), "HTTPS OK");
        assert.ok(badge.getAttribute("title")!.includes("checking now"));
    });

    QUnit.test("controls are real buttons and links, reachable from the keyboard", async (assert) => {
        const target = await mountComponent(CertificatePanel, panelProps(statusOf("dns_issue"), { checkNow: 0, copied: [] }));
        const controls = [...target.querySelectorAll(".o_iot_https_check_now, .o_iot_https_copy, .o_iot_https_doc")] as HTMLElement[];
        assert.deepEqual(controls.map((c) => c.tagName), ["BUTTON", "BUTTON", "A"]);
        for (const control of controls) {
            control.focus();
            assert.strictEqual(document.activeElement, control, `${text(control)} takes the focus`);
        }
    });
});

const ERROR_KEYS = new Set<string>([
    "ERR_IOT_HTTPS_CHECK_NO_SERVER", "ERR_IOT_HTTPS_CHECK_CERT_READ_EXCEPTION", "ERR_IOT_HTTPS_LOAD_NO_CREDENTIAL",
    "ERR_IOT_HTTPS_LOAD_REQUEST_EXCEPTION", "ERR_IOT_HTTPS_LOAD_REQUEST_STATUS", "ERR_IOT_HTTPS_LOAD_REQUEST_NO_RESULT",
]);
