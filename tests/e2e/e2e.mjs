// End-to-end tests: the demo page in headless Chromium probing simulated boxes directly, over
// real HTTPS with a test CA trusted in a throwaway NSS database, production-style names mapped
// by --host-resolver-rules. Each test is one record { name, status, errors }.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { startFleet } from "../../dev/boxes.mjs";
import { makeLeaf } from "../../dev/ca.mjs";
import { startDemo } from "../../dev/demo_server.mjs";
import { launch } from "../../scripts/chromium.mjs";
import { pollUntil } from "../poll.mjs";
import { check as checkOne } from "../check.mjs";
import { EXPECTED } from "./expected.mjs";
import { showsLock } from "../lock.mjs";

const TIMEOUT = 60_000;

const check = (results, name, fn) => checkOne(results, `e2e > ${name}`, fn);

const settled = (page) =>
    page.waitForFunction(() => {
        const badges = [...document.querySelectorAll(".o_iot_https_badge")];
        return badges.length > 0 && badges.every((b) => b.getAttribute("aria-busy") === "false" && b.getAttribute("data-state") !== "checking");
    }, null, { timeout: TIMEOUT });

/** Polls a condition on the test's side (the simulated boxes). */
const until = (condition, what) =>
    pollUntil(condition, what, { tries: 600, pause: () => new Promise((resolve) => setTimeout(resolve, 10)) });

const rowOf = (page, id) => page.locator(`.o_data_row[data-id="${id}"]`);
const panelState = (page, state) => page.waitForSelector(`.o_iot_https_panel[data-state="${state}"]`, { timeout: TIMEOUT });

export async function runE2E() {
    const results = [];
    const fleet = await startFleet({ label: "e2etest1" });
    const servers = [];
    const browsers = [];
    try {
        // 1. An Odoo page on the LAN (http), as most IoT setups are.
        const demo = await startDemo({ fleet, relay: false });
        servers.push(demo);
        const browser = await launch(
            [`--host-resolver-rules=${fleet.resolverRules()}`, `--ip-address-space-overrides=${fleet.addressSpaceOverrides().join(",")}`],
            { trustCa: fleet.ca.pem }
        );
        browsers.push(browser);
        const page = await browser.context.newPage();
        const failures = new Map();
        page.on("requestfailed", (request) => {
            const host = new URL(request.url()).hostname;
            failures.set(host, [...(failures.get(host) ?? []), request.failure()?.errorText]);
        });
        const loaded = new Map();
        page.on("response", async (response) => {
            if (response.url().endsWith(".js")) loaded.set(new URL(response.url()).pathname, await response.text().catch(() => ""));
        });
        const dialogs = [];
        page.on("dialog", (dialog) => (dialogs.push(dialog.message()), dialog.dismiss()));
        await page.goto(`${demo.url}?timeout=5000#list`);
        await settled(page);

        for (const box of fleet.boxes) {
            const expected = EXPECTED[box.key];
            await check(results, `list shows "${box.record.name}" as ${expected.state}`, async () => {
                const row = rowOf(page, box.id);
                const badge = row.locator(".o_iot_https_badge");
                assert.equal(await badge.getAttribute("data-state"), expected.state);
                if (expected.label instanceof RegExp) assert.match((await badge.innerText()).trim(), expected.label);
                else assert.equal((await badge.innerText()).trim(), expected.label);
                assert.match(await badge.getAttribute("title"), /Last checked/);
                const link = row.locator("a.o_iot_https_link");
                if (expected.link === false) {
                    assert.equal(await link.count(), 0);
                    assert.equal((await row.locator(".o_iot_https_link").innerText()).trim(), "No certificate yet");
                } else {
                    assert.equal(await link.getAttribute("href"), `https://${box.hostname}/`);
                    assert.equal(await link.getAttribute("rel"), "noopener noreferrer");
                    // A name that does not work from this browser loses its lock and says why.
                    const broken = Boolean(expected.nameBroken);
                    assert.equal(await link.evaluate(showsLock), !broken, "the lock only on a working name");
                    assert.equal(await link.locator(".fa-exclamation-triangle").count(), broken ? 1 : 0);
                    if (broken) assert.match(await link.getAttribute("title"), /browser/i);
                }
                if (expected.browserSaw) assert.ok((failures.get(box.hostname) ?? []).includes(expected.browserSaw), `browser saw ${failures.get(box.hostname)}`);
            });
        }
        await check(results, "the page runs the committed bundle, byte for byte, on the @web stand-in", async () => {
            assert.equal(loaded.get("/iot_https_certificate.js"), readFileSync("static/src/iot_https_certificate.js", "utf8"));
            assert.ok(loaded.has("/web/core/registry.js") && loaded.has("/owl.js"));
            assert.doesNotMatch(loaded.get("/demo.js"), /function diagnose\(/, "the demo app does not carry its own copy of the add-on");
        });
        await check(results, "hostile box strings stay text: no dialog, no injected element", async () => {
            const hostile = fleet.boxes.find((b) => b.key === "hostile");
            assert.equal(await rowOf(page, hostile.id).locator(".o_demo_name img").count(), 0);
            assert.match(await rowOf(page, hostile.id).locator(".o_demo_name").innerText(), /<img src=x/);
            assert.deepEqual(dialogs, []);
        });
        await check(results, "the fleet summary counts the states and filters the problem boxes", async () => {
            const rows = fleet.boxes.length + 1; // the simulated boxes and the remote one
            const count = (cls) => page.locator(`.o_iot_https_fleet_${cls}`).innerText();
            assert.equal(await count("ok"), "4 OK");
            assert.equal(await count("attention"), "6 needing attention");
            assert.equal(await count("unreachable"), "3 unreachable from here", "two boxes that do not answer, and the remote one");
            assert.equal(await count("failing"), "14 failing");
            const rowsAre = (n) => page.waitForFunction((n) => document.querySelectorAll(".o_data_row").length === n, n, { timeout: TIMEOUT });
            await page.click(".o_iot_https_fleet_problems");
            await rowsAre(rows - 4);
            await page.click(".o_demo_show_all");
            await rowsAre(rows);
            await page.click(".o_iot_https_fleet_unreachable");
            await rowsAre(3);
            const shown = await page.locator(".o_data_row .o_iot_https_badge").evaluateAll((badges) => badges.map((b) => b.dataset.state));
            assert.deepEqual(shown, ["unreachable", "unreachable", "unreachable"], "the grey count's boxes, and only them");
            assert.match(await page.locator(".o_iot_https_fleet_unreachable").getAttribute("title"), /^Unreachable from here: .*Permission needed/);
            await page.click(".o_demo_show_all");
            await rowsAre(rows);
        });

        await check(results, "the remote box, out of reach from here, shows what it last reported to the database", async () => {
            const badge = rowOf(page, fleet.boxes.length + 1).locator(".o_iot_https_badge");
            assert.equal(await badge.getAttribute("data-state"), "unreachable");
            assert.equal(await badge.getAttribute("data-stored"), "ok");
            assert.equal((await badge.innerText()).trim(), "HTTPS OK");
            assert.match(await badge.getAttribute("title"), /^Not reachable from this computer · 2 hours ago, the box reported: HTTPS OK\. Expires in 6[34] days\./);
            await page.evaluate((id) => (window.location.hash = `#box-${id}`), fleet.boxes.length + 1);
            await panelState(page, "unreachable");
            assert.equal(await page.locator(".o_iot_https_stored").innerText(), "Not reachable from this computer · 2 hours ago, the box reported: HTTPS OK.");
            assert.match(await page.locator(".o_iot_https_end_source").innerText(), /database/);
            await page.evaluate(() => (window.location.hash = "#list"));
            await page.locator(".o_data_row").first().waitFor({ timeout: TIMEOUT });
        });

        await check(results, "kanban: the same days, the same broken names and the same counts as the list", async () => {
            const listBadges = await page.locator(".o_data_row .o_iot_https_badge").evaluateAll((badges) => badges.map((b) => b.textContent.trim()));
            await page.evaluate(() => (window.location.hash = "#kanban"));
            const card = (key) => page.locator(`.o_kanban_record[data-id="${fleet.boxes.find((b) => b.key === key).id}"]`);
            await card("expired").locator(".o_iot_https_badge").waitFor({ timeout: TIMEOUT });
            assert.match(await card("expired").locator(".o_iot_https_badge").innerText(), EXPECTED.expired.label);
            assert.match(await card("renewal_overdue").locator(".o_iot_https_badge").innerText(), EXPECTED.renewal_overdue.label);
            for (const key of ["dns_issue", "wrong_name"]) {
                const link = card(key).locator("a.o_iot_https_link");
                assert.equal(await link.evaluate(showsLock), false, `${key}: no lock`);
                assert.equal(await link.locator(".fa-exclamation-triangle").count(), 1, `${key}: a warning`);
            }
            assert.equal(await card("ok_19").locator("a.o_iot_https_link").evaluate(showsLock), true, "a working name: its lock");
            const kanbanBadges = await page.locator(".o_kanban_record .o_iot_https_badge").evaluateAll((badges) => badges.map((b) => b.textContent.trim()));
            assert.deepEqual(kanbanBadges, listBadges, "every card says what its row said");
            assert.equal(await page.locator(".o_iot_https_fleet_failing").innerText(), "14 failing");
            await page.evaluate(() => (window.location.hash = "#list"));
            await page.locator(".o_data_row").first().waitFor({ timeout: TIMEOUT });
        });

        for (const box of fleet.boxes) {
            const expected = EXPECTED[box.key];
            await check(results, `form of "${box.record.name}" explains ${expected.state}`, async () => {
                await page.evaluate((id) => (window.location.hash = `#box-${id}`), box.id);
                const panel = await panelState(page, expected.state);
                assert.equal(await panel.getAttribute("role"), "status");
                assert.ok((await page.locator(".o_iot_https_steps li").count()) > 0);
                if (expected.code) assert.equal(await page.locator(".o_iot_https_code code").innerText(), expected.code);
                if (expected.status) assert.equal(await page.locator(".o_iot_https_status strong").innerText(), expected.status);
                if (expected.detail) assert.match(await page.locator(".o_iot_https_detail").innerText(), new RegExp(expected.detail));
                if (expected.expiry) {
                    assert.match(await page.locator(".o_iot_https_expiry").innerText(), expected.expiry);
                    assert.equal(await page.locator(".o_iot_https_expiry").innerText(), (await page.locator(".o_iot_https_panel .o_iot_https_badge").innerText()).trim(), "panel and badge agree");
                }
                if (expected.nameBroken) assert.ok((await page.locator(".o_iot_https_name_problem").innerText()).length > 20, "the panel says why the name fails here");
                if (expected.checklist) assert.equal(await page.locator(".o_iot_https_checklist h6").innerText(), expected.checklist);
                if (expected.boxReport) assert.equal(await page.locator(".o_iot_https_box_report").innerText(), expected.boxReport);
                assert.match(await page.locator("a.o_iot_https_doc").getAttribute("href"), /^https:\/\/www\.odoo\.com\/documentation\/1[6-9]\.0\//);
            });
        }

        await check(results, "Check now probes the box once more and says it was checked just now", async () => {
            const box = fleet.boxes.find((b) => b.key === "ok_19");
            await page.evaluate((id) => (window.location.hash = `#box-${id}`), box.id);
            await panelState(page, "ok");
            const before = box.hits;
            const clickedAt = await page.evaluate(() => Date.now());
            await page.click(".o_iot_https_check_now");
            await until(() => box.hits > before, "the box to be asked");
            // The store has the new result, and the page shows it.
            await page.waitForFunction(
                ([id, since]) => {
                    const status = window.demoStore.statuses().find((s) => s.boxId === id);
                    const shown = document.querySelector(".o_iot_https_checked")?.textContent ?? "";
                    return status && !status.checking && status.lastCheckedAt >= since && shown.includes("Last checked just now");
                },
                [box.id, clickedAt],
                { timeout: TIMEOUT }
            );
            assert.equal(box.hits, before + 1, "one request: the known generation's endpoint");
        });

        await check(results, "Restart the box: asked first, the box goes away and comes back, the panel says so and the history keeps it", async () => {
            const box = fleet.boxes.find((b) => b.key === "no_valid_19");
            await page.evaluate((id) => (window.location.hash = `#box-${id}`), box.id);
            await panelState(page, "renewal_overdue");
            await page.click(".o_iot_https_restart");
            assert.match(await page.locator(".o_iot_https_confirm").innerText(), /payment terminals, printers and scales/);
            const startedAt = box.startedAt;
            await page.click(".o_iot_https_confirm_restart");
            const said = await page.waitForSelector(".o_iot_https_action_result", { timeout: TIMEOUT });
            assert.match(await said.innerText(), /^The box is back after \d+ s\. It reads: Renewal overdue\.$/);
            assert.ok(box.startedAt > startedAt, "the box restarted");
            assert.deepEqual(await page.evaluate(() => window.demoHistory.at(-1)), ["log_https_certificate_action", [box.id], "restart", "back"]);
            assert.match(await page.locator(".o_iot_https_available").innerText(), /^Available again at /);
            assert.ok(await page.locator(".o_iot_https_restart").isDisabled(), "one action per box per minute");
        });

        await check(results, "Ask the box to retry: one read of its status route, and what changed in words", async () => {
            const box = fleet.boxes.find((b) => b.key === "request_status");
            await page.evaluate((id) => (window.location.hash = `#box-${id}`), box.id);
            await panelState(page, "ERR_IOT_HTTPS_LOAD_REQUEST_STATUS");
            assert.equal(await page.locator(".o_iot_https_check_retries").innerText(), "Each check asks this box to retry its certificate.");
            const before = box.hits;
            assert.equal(await page.locator(".o_iot_https_action_result").count(), 0, "another box's outcome is not shown on this one");
            await page.click(".o_iot_https_retry");
            const said = await page.waitForSelector(".o_iot_https_action_result", { timeout: TIMEOUT });
            assert.equal(await said.innerText(), "The box tried again: still Error: odoo.com answered (ERR_IOT_HTTPS_LOAD_REQUEST_STATUS 503).");
            assert.equal(box.hits, before + 1, "one read of the status route");
        });

        await check(results, "recovery while the form is open: error, then OK, without a reload", async () => {
            const box = fleet.boxes.find((b) => b.key === "no_result");
            const fresh = await browser.context.newPage();
            await fresh.goto(`${demo.url}?timeout=5000&schedule=fast#box-${box.id}`);
            await panelState(fresh, "ERR_IOT_HTTPS_LOAD_REQUEST_NO_RESULT");
            const marker = await fresh.evaluate(() => ((window.notReloaded = true), true));
            fleet.setState(box.id, "ok_18");
            await panelState(fresh, "ok");
            assert.equal(await fresh.locator(".o_iot_https_panel .o_iot_https_badge").getAttribute("data-state"), "ok");
            assert.equal(await fresh.evaluate(() => window.notReloaded), marker);
            await fresh.close();
        });

        // 2. The same Odoo page served over https: an https page may not fetch http://<name>.
        const pageCert = await makeLeaf(fleet.ca, ["127.0.0.1", "odoo.example.com"]);
        const secure = await startDemo({ fleet, relay: false, tls: pageCert });
        servers.push(secure);
        await check(results, "page served over https: OK boxes are OK, a DNS failure is 'HTTPS blocked'", async () => {
            const https = await browser.context.newPage();
            await https.goto(`${secure.url}?timeout=5000#list`);
            await settled(https);
            const state = (key) => rowOf(https, fleet.boxes.find((b) => b.key === key).id).locator(".o_iot_https_badge").getAttribute("data-state");
            assert.equal(await state("ok_19"), "ok");
            assert.equal(await state("no_server"), "ERR_IOT_HTTPS_CHECK_NO_SERVER");
            assert.equal(await state("dns_issue"), "https_blocked");
            await https.close();
        });

        // 3. A public Odoo (odoo.example.com, counted as public): Local Network Access applies.
        const publicPort = new URL(secure.url).port;
        const publicBrowser = await launch(
            [
                `--host-resolver-rules=MAP odoo.example.com 127.0.0.1, ${fleet.resolverRules()}`,
                `--ip-address-space-overrides=127.0.0.1:${publicPort}=public,${fleet.addressSpaceOverrides().join(",")}`,
            ],
            { trustCa: fleet.ca.pem }
        );
        browsers.push(publicBrowser);
        await check(results, "public page: permission needed first, then OK once the user allows local network access", async () => {
            const origin = `https://odoo.example.com:${publicPort}`;
            const box = fleet.boxes.find((b) => b.key === "ok_19");
            const pub = await publicBrowser.context.newPage();
            await pub.goto(`${origin}/?timeout=5000#box-${box.id}`);
            await panelState(pub, "local_network_permission");
            assert.match(await pub.locator(".o_iot_https_checklist h6").innerText(), /Allow local network access/);
            await publicBrowser.context.grantPermissions(["local-network-access"], { origin });
            await pub.click(".o_iot_https_check_now");
            await panelState(pub, "ok");
            await pub.close();
        });
    } finally {
        for (const browser of browsers) await browser.close();
        for (const server of servers) await server.close();
        await fleet.close();
    }
    return results;
}
