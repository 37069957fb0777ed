// The device page in a real Odoo web client (17.0, 18.0, 19.0), with simulated boxes over real
// HTTPS. A second browser profile plays the shop's Android tablet: first logged in as a user
// without IoT rights, then logged out. The admin's profile reads the box's history.
import assert from "node:assert/strict";
import { startFleet } from "../../dev/boxes.mjs";
import { launch } from "../../scripts/chromium.mjs";
import { callKw, logIn, openOdoo } from "../../scripts/odoo.mjs";
import { check } from "../check.mjs";

const TIMEOUT = 60_000;
const TABLET = "Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

export async function runDeviceCheck({ series, shape, work }) {
    const results = [];
    const named = (name) => `device check ${series.name} > ${name}`;
    const fleet = await startFleet({ states: ["ok_19", "dns_issue", "ok_18"], label: "devcheck1" });
    const [healthy, , other] = fleet.boxes;
    const records = fleet.boxes.map((box) => ({ name: box.record.name, identifier: box.record.identifier, ip: box.hostname, version: box.record.version }));
    const seedPython = `import json
boxes = env["iot.box"].create(${JSON.stringify(records)})
env["res.users"].create({"name": "Shop Cashier", "login": "cashier", "password": "cashier_pw_123"})
links = [box.get_https_device_check_link()["path"] for box in boxes]
env.cr.commit()
print("SEED " + json.dumps({"ids": boxes.ids, "links": links}))
`;
    const args = [`--host-resolver-rules=${fleet.resolverRules()}`, `--ip-address-space-overrides=${fleet.addressSpaceOverrides().join(",")}`];
    const allowHost = (host) => fleet.boxes.some((box) => box.hostname === host || box.lanIp === host);
    let odoo;
    let tablet;
    try {
        odoo = await openOdoo({ series, shape, work, seedPython, chromiumArgs: args, trustCa: fleet.ca.pem, allowHost });
        const base = `http://127.0.0.1:${odoo.port}`;
        const { ids, links } = odoo.seeded;
        const secrets = () => links.map((link) => link.split("#")[1].split(".")[1]);
        // Its own profile (no cookie of the admin's), the tablet's user agent, a phone's width.
        tablet = await launch([...args, `--user-agent=${TABLET}`], { trustCa: fleet.ca.pem });
        const page = await tablet.context.newPage();
        await page.setViewportSize({ width: 360, height: 740 });
        await tablet.context.route((url) => url.hostname !== "127.0.0.1" && !allowHost(url.hostname), (route) => route.abort());
        const verdictOf = async (link) => {
            await page.goto("about:blank");
            await page.goto(base + link);
            await page.waitForSelector(".o_iot_device_result:not([data-verdict=checking])", { timeout: TIMEOUT });
            await page.waitForFunction(() => document.querySelector(".o_iot_device_result")?.dataset.verdict === "problem" || document.querySelector(".o_iot_device_recorded")?.textContent, null, { timeout: TIMEOUT });
            return page.getAttribute(".o_iot_device_result", "data-verdict");
        };
        const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

        // 1. A user of the database without IoT rights.
        await logIn(page, base, "cashier", "cashier_pw_123");
        await check(results, named("logged in without IoT rights: a box whose name does not resolve reads as a DNS issue"), async () => {
            assert.equal(await verdictOf(links[1]), "dns_issue");
            const text = await page.innerText(".o_iot_device_result");
            assert.match(text, /this Android tablet/);
            assert.match(text, /8\.8\.8\.8/);
            assert.equal(await page.getAttribute(".o_iot_device_dns_howto", "href"), "https://developers.google.com/speed/public-dns/docs/using");
            assert.ok(await fits(), "fits 360 px");
        });
        await check(results, named("logged in without IoT rights: a healthy box reads as working"), async () => {
            assert.equal(await verdictOf(links[0]), "works");
            assert.equal((await page.innerText(".o_iot_device_name")).trim(), healthy.record.name);
            assert.ok(await fits(), "fits 360 px");
        });

        // 2. Logged out.
        await page.goto(`${base}/web/session/logout`);
        await check(results, named("the same verdict from the same link within 10 minutes is not written twice"), async () => {
            assert.equal(await verdictOf(links[0]), "works");
            assert.match(await page.innerText(".o_iot_device_recorded"), /already in the box's history/);
        });
        await check(results, named("logged out: a healthy box reads as working, and the result is recorded"), async () => {
            assert.equal(await verdictOf(links[2]), "works");
            assert.equal((await page.innerText(".o_iot_device_name")).trim(), other.record.name);
            assert.match(await page.innerText(".o_iot_device_recorded"), /is now in the box's history/);
        });
        await check(results, named("an altered link shows nothing of the box"), async () => {
            const [head, token] = links[0].split("#")[1].split(".");
            const altered = `${links[0].split("#")[0]}#${head}.${token.slice(0, -2)}${token.endsWith("AA") ? "BB" : "AA"}`;
            assert.equal(await verdictOf(altered), "problem");
            const body = await page.innerText("body");
            assert.ok(!body.includes(healthy.record.name) && !body.includes(healthy.hostname), body.slice(0, 200));
        });

        // 3. The admin's side: the history, the panel's link, a replaced link.
        const rpc = (model, method, args) => callKw(odoo.page, model, method, args);
        await check(results, named("the box's history shows each device's line"), async () => {
            const history = async (id) => (await rpc("mail.message", "search_read", [[["model", "=", "iot.box"], ["res_id", "=", id]], ["body"]])).map((m) => m.body.replace(/<[^>]+>/g, ""));
            assert.ok((await history(ids[1])).some((line) => line.includes("Checked from Chrome on an Android tablet by Shop Cashier: DNS issue")), JSON.stringify(await history(ids[1])));
            const lines = await history(ids[0]);
            assert.equal(lines.filter((line) => line.includes("Checked from Chrome on an Android tablet by Shop Cashier: this device can use the box over HTTPS")).length, 1, JSON.stringify(lines));
            const logged = await history(ids[2]);
            assert.ok(logged.some((line) => line.includes("Checked from Chrome on an Android tablet by a device without login: this device can use the box over HTTPS")), JSON.stringify(logged));
            const stored = await rpc("iot.box", "read", [[ids[1]], ["https_certificate_state"]]);
            assert.equal(stored[0].https_certificate_state, false, "a device's verdict is never a stored fact");
        });
        await check(results, named("the admin's panel shows the link and its QR code"), async () => {
            const url = series.name === "17.0"
                ? `${base}/web#id=${ids[0]}&model=iot.box&view_type=form&action=iot.iot_box_action`
                : `${base}/odoo/action-iot.iot_box_action/${ids[0]}`;
            await odoo.page.goto(url);
            await odoo.page.click(".o_iot_https_device_open", { timeout: TIMEOUT });
            await odoo.page.waitForSelector(".o_iot_https_qr path", { timeout: TIMEOUT });
            assert.equal(await odoo.page.inputValue(".o_iot_https_device_url"), base + links[0]);
            assert.ok(await odoo.page.locator(".o_iot_https_device_rotate").count(), "an IoT administrator may replace it");
        });
        await check(results, named("a replaced link shows nothing of the box"), async () => {
            const fresh = await rpc("iot.box", "rotate_https_device_check_link", [[ids[0]]]);
            assert.notEqual(fresh.path, links[0]);
            assert.equal(await verdictOf(links[0]), "problem");
            assert.ok(!(await page.innerText("body")).includes(healthy.record.name));
            links.push(fresh.path);
            assert.equal(await verdictOf(fresh.path), "works");
        });
        await check(results, named("no token is in any server log line"), async () => {
            const log = odoo.log();
            assert.ok(log.includes("/iot_https_certificate/device_check"), "the server logged the page's requests");
            assert.equal(secrets().filter((secret) => log.includes(secret)).length, 0);
        });
    } catch (error) {
        results.push({ name: named("setup"), status: "failed", errors: [String(error?.message ?? error).split("\n").slice(0, 10).join("\n      ")] });
    } finally {
        await tablet?.close();
        await odoo?.close();
        await fleet.close();
    }
    return results;
}
