import { browser } from "@web/core/browser/browser";
import { registry } from "@web/core/registry";
import "../../static/src/iot_https_certificate";
import { STATUS_SERVICE } from "../../static/src/odoo/status_service";
import { CertificateBadgeField, CertificatePanelWidget, HttpsLinkField } from "../../static/src/odoo/widgets";
import { BODY_19_OK } from "../../static/tests/helpers/fake_network";
import { makeHarness } from "../../static/tests/helpers/store_harness";
import { cleanup, mountComponent, text, waitFor } from "./helpers";

const BOX_NAME = "10-0-0-1.abcd1234.odoo-iot.com";
const record = (ip: unknown, id = 1) => ({ resId: id, data: { ip, name: "Shop box", identifier: "b8:27:eb:00:00:01", https_certificate_facts: { version: "25.04" } } });

QUnit.module("odoo widgets", (hooks) => {
    hooks.afterEach(cleanup);

    QUnit.test("the bundle registers the link and badge fields, the panel widget and the store service", (assert) => {
        assert.strictEqual(registry.category("fields").get("iot_https_certificate_link").component, HttpsLinkField);
        assert.strictEqual(registry.category("fields").get("iot_https_certificate_badge").component, CertificateBadgeField);
        assert.deepEqual(registry.category("fields").get("iot_https_certificate_badge").supportedTypes, ["char"]);
        assert.strictEqual(registry.category("view_widgets").get("iot_https_certificate_panel").component, CertificatePanelWidget);
        assert.ok(registry.category("services").contains(STATUS_SERVICE));
    });

    QUnit.test("the form panel follows the store: checking, then the verdict; Check now probes again", async (assert) => {
        const h = makeHarness();
        h.network.hosts.set(BOX_NAME, { kind: "box", generation: "19", body: BODY_19_OK });
        const target = await mountComponent(CertificatePanelWidget, { record: record(BOX_NAME) }, { services: { [STATUS_SERVICE]: h.store, orm: { call: async () => true } } });
        assert.strictEqual(text(target.querySelector(".o_iot_https_checked")), "Not checked yet");
        await h.clock.advance(1);
        await waitFor(() => text(target.querySelector(".o_iot_https_checked")) === "Checking…", "the probe in flight");
        await h.clock.advance(100);
        await waitFor(() => target.querySelector(".o_iot_https_panel")?.getAttribute("data-state") === "ok", "the OK verdict");
        assert.strictEqual(text(target.querySelector(".o_iot_https_title")), "The HTTPS certificate is valid.");
        assert.ok(text(target.querySelector(".o_iot_https_valid_until")).startsWith("02/01/2027"), "valid until, formatted by Odoo's date helper");
        const before = h.network.log.length;
        (target.querySelector(".o_iot_https_check_now") as HTMLButtonElement).click();
        (target.querySelector(".o_iot_https_check_now") as HTMLButtonElement).click();
        await h.clock.advance(100);
        assert.strictEqual(h.network.log.length, before + 1, "two clicks, one request");
    });

    QUnit.test("a box out of reach from here shows what it last reported to the database, and how long ago", async (assert) => {
        const h = makeHarness();
        const env = { services: { [STATUS_SERVICE]: h.store, orm: { call: async () => true } } };
        const stored = (reportedAt: string) => ({
            ...record(BOX_NAME).data,
            https_certificate_facts: { version: "25.04", state: "expired", end_date: "2026-11-23 12:00:00", error: false, reported_at: reportedAt },
        });
        const target = await mountComponent(CertificatePanelWidget, { record: { resId: 1, data: stored("2026-11-26 10:00:00") } }, env);
        await mountComponent(CertificateBadgeField, { name: "ip", record: { resId: 2, data: stored("2026-11-23 10:00:00") } }, env);
        await h.clock.advance(20_000);
        await waitFor(() => target.querySelectorAll(".o_iot_https_badge[data-state='unreachable']").length === 2, "both out of reach");
        const [inPanel, stale] = [...target.querySelectorAll(".o_iot_https_badge")];
        assert.strictEqual(inPanel.getAttribute("data-stored"), "expired");
        assert.strictEqual(text(inPanel), "Expired 3 days ago", "the stored state, in the user's days");
        assert.ok(inPanel.classList.contains("text-bg-secondary"), "in this browser's colour: unreachable from here");
        const sentence = "Not reachable from this computer · 2 hours ago, the box reported: Expired.";
        assert.ok(inPanel.getAttribute("title")!.startsWith(`${sentence} Expired 3 days ago.`), inPanel.getAttribute("title")!);
        assert.strictEqual(text(target.querySelector(".o_iot_https_stored")), sentence);
        assert.ok(text(target.querySelector(".o_iot_https_valid_until")).startsWith("11/23/2026 12:00:00"));
        assert.ok(text(target.querySelector(".o_iot_https_end_source")).includes("database"));
        assert.ok(stale.classList.contains("o_iot_https_stale"), "a report older than 2 days is marked stale");
        assert.ok(stale.getAttribute("title")!.includes("3 days ago, the box reported: Expired. This report is more than 2 days old"));
    });

    QUnit.test("badge fields: one per row, each following its own box; unmounting stops the polling", async (assert) => {
        const h = makeHarness();
        h.network.hosts.set(BOX_NAME, { kind: "box", generation: "19", body: BODY_19_OK });
        const env = { services: { [STATUS_SERVICE]: h.store, orm: { call: async () => true } } };
        const intervals = { started: 0, cleared: 0 };
        const { setInterval, clearInterval } = browser;
        browser.setInterval = ((handler: () => void, ms: number) => (intervals.started++, setInterval(handler, ms))) as typeof setInterval;
        browser.clearInterval = ((id: number) => (intervals.cleared++, clearInterval(id))) as typeof clearInterval;
        const target = await mountComponent(CertificateBadgeField, { name: "ip", record: record(BOX_NAME) }, env);
        await mountComponent(CertificateBadgeField, { name: "ip", record: record("192.168.1.50", 2) }, env);
        await mountComponent(HttpsLinkField, { name: "ip", record: record(BOX_NAME) }, env);
        // Not checked yet: quiet text in the row, not a pill; the tooltip says why.
        const pending = target.querySelector(".o_iot_https_badge")!;
        assert.deepEqual([text(pending), pending.getAttribute("data-state")], ["Checking…", "checking"]);
        assert.ok(pending.classList.contains("text-muted") && !pending.classList.contains("badge"), pending.className);
        assert.ok(pending.getAttribute("title")!.includes("Not checked yet"), pending.getAttribute("title")!);
        await h.clock.advance(20_000);
        await waitFor(() => target.querySelectorAll(".o_iot_https_badge[data-state='ok']").length === 1, "the OK badge");
        assert.ok(target.querySelector(".o_iot_https_badge")!.classList.contains("badge"), "a verdict is a pill");
        assert.deepEqual([...target.querySelectorAll(".o_iot_https_badge")].map((b) => b.getAttribute("data-state")), ["ok", "unreachable"]);
        assert.strictEqual(target.querySelector("a.o_iot_https_link")!.getAttribute("href"), `https://${BOX_NAME}/`);
        assert.ok(target.querySelector(".o_iot_https_badge")!.getAttribute("title")!.includes("Last checked "), "the tooltip says when");
        cleanup();
        Object.assign(browser, { setInterval, clearInterval });
        assert.deepEqual(intervals, { started: 1, cleared: 1 }, "all rows share one ticking clock, stopped with the last");
        assert.strictEqual(h.store.scheduled, 0, "no box is scheduled once the views are gone");
        assert.strictEqual(h.clock.pending, 0);
    });
});

QUnit.module("odoo widgets: one status change", (hooks) => {
    hooks.afterEach(cleanup);

    QUnit.test("repaints the row of that box only", async (assert) => {
        const h = makeHarness();
        const names = [1, 2, 3].map((n) => `10-0-0-${n}.abcd1234.odoo-iot.com`);
        for (const name of names) h.network.hosts.set(name, { kind: "box", generation: "19", body: BODY_19_OK });
        const env = { services: { [STATUS_SERVICE]: h.store, orm: { call: async () => true } } };
        // Three rows of two columns, as a list shows them; each widget's element is its cell.
        const target = await mountComponent(CertificateBadgeField, { name: "ip", record: record(names[0], 1) }, env);
        await mountComponent(HttpsLinkField, { name: "ip", record: record(names[0], 1) }, env);
        for (const id of [2, 3]) {
            await mountComponent(CertificateBadgeField, { name: "ip", record: record(names[id - 1], id) }, env);
            await mountComponent(HttpsLinkField, { name: "ip", record: record(names[id - 1], id) }, env);
        }
        await h.clock.advance(20_000);
        await waitFor(() => target.querySelectorAll(".o_iot_https_badge[data-state='ok']").length === 3, "three OK badges");
        const cells = [...target.children];
        const touched = new Set<number>();
        const observer = new MutationObserver((mutations) => {
            for (const m of mutations) {
                const node = m.target instanceof Element ? m.target : m.target.parentElement;
                touched.add(cells.findIndex((cell) => cell === node || cell.contains(node)));
            }
        });
        observer.observe(target, { subtree: true, childList: true, attributes: true, characterData: true });
        h.network.hosts.set(names[1], { kind: "box", generation: "19", body: JSON.stringify({ certificate_end_date: null }) });
        await Promise.all([h.store.checkNow(2), h.clock.advance(1000)]);
        await waitFor(() => target.querySelectorAll(".o_iot_https_badge[data-state='ok']").length === 2, "box 2's new verdict");
        observer.disconnect();
        // Cells 2 and 3 are box 2's badge and link; the other rows are untouched.
        assert.deepEqual([...touched].sort(), [2, 3].filter((cell) => touched.has(cell)));
        assert.ok(touched.has(2), "box 2's badge changed");
    });
});

QUnit.module("odoo widgets: records whose data the web client replaces", (hooks) => {
    hooks.afterEach(cleanup);

    QUnit.test("a record shown from a cached copy, then its fresh data: the badge follows the new facts without a new check", async (assert) => {
        const h = makeHarness();
        h.network.hosts.set(BOX_NAME, { kind: "box", generation: "19", body: JSON.stringify({ certificate_end_date: null }) });
        const env = { services: { [STATUS_SERVICE]: h.store } };
        // Odoo's record is reactive, and `_setData` replaces `record.data` whole. The badge's
        // template reads no field of it: only the hook's observation can notice.
        const { reactive } = await import("@odoo/owl");
        const box = reactive({ resId: 1, data: { ...record(BOX_NAME).data, https_certificate_facts: { version: "Ttest-19.0" } } as Record<string, unknown> });
        const target = await mountComponent(CertificateBadgeField, { name: "ip", record: box }, env);
        await h.clock.advance(200);
        await waitFor(() => text(target.querySelector(".o_iot_https_badge")) === "Renewal overdue", "the first verdict");
        const requests = h.network.log.length;
        box.data = { ...box.data, https_certificate_facts: { version: "Ttest-19.0", box_end_date: "2026-12-01 12:00:00" } };
        await waitFor(() => /^Expires in \d+ days$/.test(text(target.querySelector(".o_iot_https_badge"))), "the end date the box wrote");
        assert.strictEqual(h.network.log.length, requests, "no new request");
    });
});
