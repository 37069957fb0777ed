// The real 19.0 box read through the add-on in the real 19.0 web client, state by state.
//
// Real: the box software (`iot_drivers` in Test mode) and its answers, the image's nginx
// configuration and 502 page, the TLS this browser sees, the web client and the add-on as Odoo
// serves them. Staged by the harness: each certificate file (Test mode never downloads one),
// the box's own `ssl_certificate_end_date` write (it has no database to reach here), and the
// processes stopped for the "down" states.
import assert from "node:assert/strict";
import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { makeCa, makeLeaf } from "../../dev/ca.mjs";
import { at } from "../../dev/box_states.mjs";
import { freePort } from "../../scripts/odoo.mjs";
import { makeBox } from "./box.mjs";
import { startFront } from "./front.mjs";
import { check, openBoxPage, secretsNowhere } from "./web_client.mjs";
import { assertSameShape, shapeOf } from "./contract.mjs";
import { startFleet } from "../../dev/boxes.mjs";
import { showsLock } from "../lock.mjs";

const DAY = 86_400_000;
const IP = "127.79.0.10";
const LABEL = "realbox1";
const HOSTNAME = `${IP.replace(/\./g, "-")}.${LABEL}.odoo-iot.com`;

/**
 * The states, in order, each with what the harness does and what a user must see. `end`: the
 * end date the box last wrote to the database (`ssl_certificate_end_date`), as it does at boot
 * and daily while more than 10 days are left.
 */
const STATES = [
    { name: "valid for 60 days", certificate: "days60", end: "days60", panel: "ok", badge: "HTTPS OK", lock: true, twin: "ok_19" },
    {
        name: "5 days left (renewal failed)", certificate: "days5", end: "days5", panel: "renewal_overdue", badge: /^Expires in [45] days$/, lock: true, twin: "no_valid_19",
        restart: /^The box is back after \d+ s\. It reads: Renewal overdue\.$/,
    },
    {
        name: "the image's temporary certificate", certificate: "temporary", end: null, panel: "certificate_rejected", badge: "Certificate rejected", lock: false,
        boxReport: "On its IP address, the box itself reports: No valid certificate.", twin: "temporary_19",
    },
    {
        name: "expired", twin: "expired", certificate: "expired", end: "expired", panel: "expired", badge: /^Expired [23] days ago$/, lock: false,
        boxReport: "On its IP address, the box itself reports: No valid certificate.",
    },
    // nginx keeps serving what it loaded (a reload of a broken file fails), as a box's does.
    {
        name: "a file that is not a certificate", certificate: "days60", then: "garbage", end: "days60", panel: "renewal_overdue", badge: "Renewal overdue", lock: true,
        boxLog: /Unable to read certificate file/,
    },
    { name: "the box's Odoo down behind a live front", certificate: "days60", end: "days60", stopBox: true, panel: "box_odoo_down", badge: "Box not answering", lock: true, twin: "odoo_down" },
    // Out of reach from here, the badge reads what the box last wrote to the database.
    {
        name: "everything down", certificate: "days60", end: "days60", stopBox: true, stopFront: true, panel: "unreachable", badge: "HTTPS OK",
        stored: /^Not reachable from this computer · .+, the box reported: HTTPS OK\.$/,
    },
];

async function certificates(tree) {
    const ca = await makeCa("iot_https_certificate real-box CA");
    const names = [`*.${LABEL}.odoo-iot.com`];
    const now = Date.now();
    const leaf = async (from, until) => ({ ...(await makeLeaf(ca, names, { from, until })), until });
    const image = join(tree, "addons/iot_box_image/overwrite_after_init/etc/ssl");
    return {
        ca,
        days60: await leaf(now - DAY, now + 60 * DAY),
        days5: await leaf(now - 85 * DAY, now + 5 * DAY),
        expired: await leaf(now - 93 * DAY, now - 3 * DAY),
        // The image's own self-signed certificate and key, read from the tree.
        temporary: { cert: readFileSync(join(image, "certs/nginx-cert.crt"), "utf8"), key: readFileSync(join(image, "private/nginx-cert.key"), "utf8") },
        garbage: { cert: "this is not a certificate\n" },
    };
}

/** Runs the states against a real 19.0 box; returns one result per check. */
export async function runRealBox19({ series, shape, work }) {
    const results = [];
    const named = (name) => `real 19.0 box > ${name}`;
    const certs = await certificates(series.src);
    const secrets = { dbUuid: randomUUID(), enterpriseCode: `M${randomBytes(9).toString("hex").toUpperCase()}` };
    const conf = { db_uuid: secrets.dbUuid, enterprise_code: secrets.enterpriseCode };
    const box = makeBox({ tree: series.src, software: "iot_drivers", ip: IP, geventPort: await freePort(), conf });
    const keyPath = join(box.dir, "nginx-cert.key");
    const install = (name) => {
        box.setCertificate(certs[name].cert);
        if (certs[name].key) writeFileSync(keyPath, certs[name].key, { mode: 0o600 });
    };
    let front;
    let odoo;
    let twins;
    try {
        // Each real state's dev/ twin, for the contract.
        twins = await startFleet({ states: STATES.map((state) => state.twin).filter(Boolean), label: LABEL });
        install("days60");
        await box.start();
        front = await startFront({ tree: series.src, software: "iot_drivers", ip: IP, certificate: box.certificatePath, key: keyPath });
        const record = { name: "Real 19.0 box", identifier: "test_identifier", hostname: HOSTNAME, ip: IP, version: "Ttest-19.0" };
        odoo = await openBoxPage({ series, shape, work, box: record, ca: certs.ca });
        const { page } = odoo;
        await check(results, named("the box sends its db_uuid and enterprise_code; neither reaches the page, its storage or the server's log"), async () => {
            await odoo.panel("ok");
            const sent = await fetch(`http://${IP}:8069/iot_drivers/data`).then((answer) => answer.text());
            // Never print the values: only whether they were found.
            assert.ok(sent.includes(secrets.dbUuid) && sent.includes(secrets.enterpriseCode), "the box answers both to anyone");
            assert.deepEqual(await secretsNowhere(odoo, [secrets.dbUuid, secrets.enterpriseCode]), { inPage: 0, inLog: 0 });
        });
        let boxUp = true;
        let frontUp = true;
        for (const state of STATES) {
            await check(results, named(`${state.name}: reads ${state.panel}`), () => odoo.explained(async () => {
                if (!boxUp && !state.stopBox) throw new Error("the box is down for good");
                install(state.certificate);
                if (frontUp) await front.reload(certs[state.certificate].cert);
                if (state.then) install(state.then);
                if (state.stopBox && boxUp) (await box.stop(), (boxUp = false));
                if (state.stopFront && frontUp) (await front.stop(), (frontUp = false));
                await recordEnd(odoo, state.end && at(certs[state.end].until));
                const panel = await odoo.panel(state.panel);
                assert.equal(await panel.getAttribute("role"), "status");
                const label = (await page.locator(".o_iot_https_panel .o_iot_https_badge").innerText()).trim();
                if (state.badge instanceof RegExp) assert.match(label, state.badge);
                else assert.equal(label, state.badge);
                if (state.lock !== undefined) {
                    const link = page.locator(".o_iot_https_panel a.o_iot_https_link");
                    assert.equal(await link.getAttribute("href"), `https://${HOSTNAME}/`);
                    assert.equal(await link.evaluate(showsLock), state.lock, state.lock ? "the name works: its lock" : "a name this browser refuses loses its lock");
                }
                if (state.boxReport) assert.equal(await page.locator(".o_iot_https_box_report").innerText(), state.boxReport);
                if (state.boxLog) assert.match(box.log(), state.boxLog, "the box itself could not read the file");
                if (state.stored) assert.match(await page.locator(".o_iot_https_stored").innerText(), state.stored);
                const words = await page.locator(".o_iot_https_panel").innerText();
                if (!state.stored && state.panel !== "ok") assert.doesNotMatch(words, /HTTPS OK|certificate is valid/i, "never OK, never valid");
            }));
            if (state.restart) {
                await check(results, named(`${state.name}: "Restart the box" from the panel restarts the real box, and the panel reports it back`), () => odoo.explained(async () => {
                    const uptime = async () => JSON.parse(await fetch(`http://${IP}:8069/iot_drivers/data`).then((answer) => answer.text())).odoo_uptime_seconds;
                    const before = await uptime();
                    await page.click(".o_iot_https_restart");
                    const clicked = Date.now();
                    await page.click(".o_iot_https_confirm_restart");
                    const said = await page.waitForSelector(".o_iot_https_action_result", { timeout: 150_000 });
                    // A figure, not an assertion: from the click to the new status on the panel.
                    console.log(`      restart of the real 19.0 box: ${((Date.now() - clicked) / 1000).toFixed(1)} s from the click to the new status`);
                    assert.match(await said.innerText(), state.restart);
                    const after = await uptime();
                    assert.ok(after < before, `odoo_uptime_seconds started again (${before.toFixed(1)} s, then ${after.toFixed(1)} s)`);
                    const [line] = await odoo.history();
                    assert.match(line, /restarted the box: the box is back\.$/, "a line in the box's history");
                }));
            }
            if (!state.twin) continue;
            await check(results, named(`contract: ${state.name}: dev/ box "${state.twin}" answers as the real box`), async () => {
                const twin = twins.boxes.find((b) => b.key === state.twin);
                const real = await shapeOf(`http://${IP}:8069`, "19", { front: { url: `https://${HOSTNAME}`, tls: { host: IP, ca: certs.ca.pem } } });
                const dev = await shapeOf(`http://${twin.lanIp}:8069`, "19", { front: { url: `https://${twin.hostname}:${twin.tlsPort}`, tls: { host: "127.0.0.1", ca: twins.ca.pem } } });
                assertSameShape(real, dev, state.twin);
            });
        }
    } catch (error) {
        results.push({ name: named("the harness ran"), status: "failed", errors: [String(error?.message ?? error).split("\n").slice(0, 12).join("\n      ")] });
    } finally {
        await odoo?.close();
        await front?.dispose();
        await twins?.close();
        await box.dispose();
    }
    return results;
}

/**
 * What the box wrote to the database last (`ssl_certificate_end_date`), over a fresh stored
 * report: each state starts from what the box itself would have told the database.
 */
async function recordEnd(odoo, end) {
    const write = (values) => odoo.rpc("write", [[odoo.id], values]);
    await write({ https_certificate_state: false, https_certificate_end_date: false, https_certificate_error: false, https_certificate_reported_at: false, ssl_certificate_end_date: false });
    if (end) await write({ ssl_certificate_end_date: end });
}
