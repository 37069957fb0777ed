// The device page in headless Chromium, as a shop's Android tablet opens it: the demo server
// serves it as the add-on's controller does, and the simulated boxes answer over real HTTPS.
import assert from "node:assert/strict";
import { startFleet } from "../../dev/boxes.mjs";
import { startDemo } from "../../dev/demo_server.mjs";
import { launch } from "../../scripts/chromium.mjs";
import { check as checkOne } from "../check.mjs";

const TIMEOUT = 60_000;
const TABLET = "Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
// What each simulated box reads as on a device, and a line of what the page says.
const EXPECTED = {
    ok_19: { verdict: "works", says: /can use the box over HTTPS/ },
    ok_legacy: { verdict: "works", says: /only answers that it is there/ },
    request_status: { verdict: "works", says: /The box itself has a problem.*Error: odoo\.com answered/ },
    dns_issue: { verdict: "dns_issue", says: /The DNS servers this Android tablet uses/ },
    expired: { verdict: "certificate_rejected", says: /date, time and time zone/ },
    untrusted: { verdict: "certificate_rejected", says: /rejects the box's certificate/ },
    refused: { verdict: "unreachable", says: /same network as the box/ },
    no_certificate: { verdict: "no_address", says: /no HTTPS address yet/ },
    hostile: { verdict: "works", says: /can use the box over HTTPS/ },
};

const check = (results, name, fn) => checkOne(results, `device page > ${name}`, fn);

export async function runDeviceE2E() {
    const results = [];
    const fleet = await startFleet({ states: Object.keys(EXPECTED), label: "devpage1" });
    const demo = await startDemo({ fleet, relay: false });
    const browser = await launch(
        [`--host-resolver-rules=${fleet.resolverRules()}`, `--ip-address-space-overrides=${fleet.addressSpaceOverrides().join(",")}`, `--user-agent=${TABLET}`],
        { trustCa: fleet.ca.pem }
    );
    try {
        const page = await browser.context.newPage();
        await page.setViewportSize({ width: 360, height: 740 });
        const errors = [];
        page.on("pageerror", (error) => errors.push(String(error)));
        const linkOf = async (id) => (await (await fetch(`${demo.url}demo/device_link?id=${id}`)).json()).path;
        const open = async (path) => {
            await page.goto("about:blank");
            await page.goto(demo.url.replace(/\/$/, "") + path);
            await page.waitForFunction(() => {
                const verdict = document.querySelector(".o_iot_device_result")?.getAttribute("data-verdict");
                return verdict === "problem" || (verdict && verdict !== "checking" && document.querySelector(".o_iot_device_recorded")?.textContent);
            }, null, { timeout: TIMEOUT });
            return page.getAttribute(".o_iot_device_result", "data-verdict");
        };
        const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
        const axe = async () => {
            await page.addScriptTag({ path: "node_modules/axe-core/axe.min.js" });
            const found = await page.evaluate(async () => (await window.axe.run(document)).violations.map((v) => `${v.id}: ${v.nodes.length}`));
            assert.deepEqual(found, [], "axe-core violations");
        };

        for (const box of fleet.boxes) {
            const expected = EXPECTED[box.key];
            await check(results, `"${box.record.name}" reads as ${expected.verdict} on the tablet, at 360 px`, async () => {
                assert.equal(await open(await linkOf(box.id)), expected.verdict);
                assert.match((await page.innerText(".o_iot_device_result")).replace(/\s+/g, " "), expected.says);
                assert.equal((await page.innerText(".o_iot_device_name")).trim(), box.record.name.slice(0, 80));
                assert.ok(await fits(), "nothing wider than the screen");
                assert.equal(await page.locator(".o_iot_device_result img, .o_iot_device_box img, script:not([src])").count(), 0, "the box's text stays text");
            });
        }

        const dns = fleet.boxes.find((box) => box.key === "dns_issue");
        await check(results, "the DNS issue: Google Public DNS's instructions, and axe-core finds nothing", async () => {
            await open(await linkOf(dns.id));
            assert.equal(await page.getAttribute(".o_iot_device_dns_howto", "href"), "https://developers.google.com/speed/public-dns/docs/using");
            await axe();
        });
        await check(results, "from the keyboard: Check again checks again, and the same verdict is not written twice", async () => {
            await open(await linkOf(dns.id));
            for (let i = 0; i < 6 && !(await page.evaluate(() => document.activeElement?.classList.contains("o_iot_device_again"))); i++) await page.keyboard.press("Tab");
            assert.ok(await page.evaluate(() => document.activeElement?.classList.contains("o_iot_device_again")), "Check again takes the focus");
            await page.keyboard.press("Enter");
            await page.waitForFunction(() => /already in the box's history/.test(document.querySelector(".o_iot_device_recorded")?.textContent ?? ""), null, { timeout: TIMEOUT });
            assert.equal(await page.getAttribute(".o_iot_device_result", "data-verdict"), "dns_issue");
        });
        await check(results, "the box's history gets one line per link and verdict: which device, what it saw", async () => {
            const history = await (await fetch(`${demo.url}demo/device_history.json`)).json();
            const lines = history.filter((line) => line.box === dns.id);
            assert.deepEqual(lines, [{ box: dns.id, verdict: "dns_issue", browser: "chrome", system: "android_tablet", user: null }]);
        });
        await check(results, "an altered or malformed link shows nothing of the box, and a malformed one is never sent", async () => {
            const ok = fleet.boxes.find((box) => box.key === "ok_19");
            const link = await linkOf(ok.id);
            const altered = link.slice(0, -1) + (link.endsWith("A") ? "B" : "A");
            assert.equal(await open(altered), "problem");
            assert.match(await page.innerText(".o_iot_device_result"), /This link does not work/);
            assert.ok(!(await page.innerText("body")).includes(ok.record.name));
            await axe();
            const posts = [];
            page.on("request", (request) => request.method() === "POST" && posts.push(request.url()));
            assert.equal(await open(`/iot_https_certificate/device_check#${ok.id}.short`), "problem");
            assert.deepEqual(posts, []);
        });
        await check(results, "no error in the page", async () => assert.deepEqual(errors, []));
    } finally {
        await browser.close();
        await demo.close?.();
        await fleet.close();
    }
    return results;
}
