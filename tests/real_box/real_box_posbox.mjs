// The real 17.0 and 18.0 box code (`hw_drivers` + `hw_posbox_homepage`): each of its certificate
// codes produced by the box's own code, read as the box answers it and through the add-on in
// the real web client of the same series.
//
// Real: the box's code and its answers (the checks, the call to "odoo.com", the codes and their
// texts, its 500s and its hangs), the image's nginx site, the TLS this browser sees, the web
// client and the add-on. Staged by the harness: odoo.com (a stand-in on loopback), the box's
// settings file, the certificate files, and the restarts that make the box read its settings
// again (17.0/18.0 cache them).
import assert from "node:assert/strict";
import { randomBytes, randomUUID } from "node:crypto";
import { unwatchFile, watchFile, writeFileSync } from "node:fs";
import { join } from "node:path";
import { makeCa, makeLeaf } from "../../dev/ca.mjs";
import { freePort } from "../../scripts/odoo.mjs";
import { makeBox } from "./box.mjs";
import { startFront } from "./front.mjs";
import { assertSameShape, comparableDetails, shapeOf } from "./contract.mjs";
import { startOdooCom } from "./odoo_com.mjs";
import { startFleet } from "../../dev/boxes.mjs";
import { check, openBoxPage, secretsNowhere } from "./web_client.mjs";

const DAY = 86_400_000;
const ODOO_COM = "127.79.1.1";
/** A database URL where nothing answers: the box is "connected", the database is elsewhere. */
const DEAD_SERVER = "http://127.79.1.2:8069";
const LABEL = "realbox2";

/**
 * The states, in order. `box`: what the harness does; `code`: the box's own certificate details
 * as the status route answers them (normalised), or `status` for an answer that is not a report;
 * `panel`: what the add-on shows, and `httpStatus` the 3-digit status it quotes. A certificate with 5 days left, trusted by this browser, is
 * served throughout: the box must renew, so each attempt's outcome is what it reports.
 */
const STATES = [
    { name: "no server configured", box: { conf: { remote_server: undefined }, restart: true }, code: "ERR_IOT_HTTPS_CHECK_NO_SERVER", panel: "ERR_IOT_HTTPS_CHECK_NO_SERVER", twin: "no_server" },
    {
        name: "valid for 60 days", box: { conf: { remote_server: DEAD_SERVER }, restart: true, certificate: "days60" },
        ok: true, code: "Your certificate *.<label>.odoo-iot.com is valid until <date>", panel: "ok", twin: "ok_18",
    },
    {
        name: "odoo.com refuses the connection", box: { certificate: "days5", odooCom: "refuse" }, twin: "request_exception",
        code: "ERR_IOT_HTTPS_LOAD_REQUEST_EXCEPTION\n\nHTTPSConnectionPool(host='www.odoo.com', port=443): Max retries exceeded with url: /odoo-enterprise/iot/x509 (Caused by NewConnectionError('<urllib3.connection.HTTPSConnection object at 0x…>: Failed to establish a new connection: [Errno 111] Connection refused'))",
        panel: "ERR_IOT_HTTPS_LOAD_REQUEST_EXCEPTION", detail: /Max retries exceeded/,
    },
    {
        name: "odoo.com answers 503", box: { odooCom: "unavailable" }, code: "ERR_IOT_HTTPS_LOAD_REQUEST_STATUS 503\n\nService Unavailable",
        panel: "ERR_IOT_HTTPS_LOAD_REQUEST_STATUS", httpStatus: "503", twin: "request_status",
        // Then odoo.com has no certificate: "Ask the box to retry" reruns the box's own check.
        retry: { odooCom: "no_certificate", says: "The box tried again: now Error: not eligible (ERR_IOT_HTTPS_LOAD_REQUEST_NO_RESULT)." },
    },
    { name: "odoo.com has no certificate for the database", box: { odooCom: "no_certificate" }, code: "ERR_IOT_HTTPS_LOAD_REQUEST_NO_RESULT", panel: "ERR_IOT_HTTPS_LOAD_REQUEST_NO_RESULT", twin: "no_result" },
    // A box never given its credentials (17.0 checks db_uuid only, 18.0 both values: neither is set).
    {
        name: "no credentials on the box", box: { conf: { db_uuid: undefined, enterprise_code: undefined }, restart: true },
        code: "ERR_IOT_HTTPS_LOAD_NO_CREDENTIAL", panel: "ERR_IOT_HTTPS_LOAD_NO_CREDENTIAL", twin: "no_credential",
    },
    {
        name: "a certificate file the box user cannot read", box: { credentials: true, restart: true, certificate: "unreadable" },
        code: "ERR_IOT_HTTPS_CHECK_CERT_READ_EXCEPTION", panel: "ERR_IOT_HTTPS_CHECK_CERT_READ_EXCEPTION", twin: "cert_read",
    },
    // The box does not catch it: its status route answers 500, without CORS.
    { name: "a file that is not a certificate", box: { certificate: "garbage" }, status: 500, panel: "status_failing", twin: "status_fails" },
    // The box's call to odoo.com has no time limit: its status route never answers.
    { name: "odoo.com accepts and never answers", box: { certificate: "days5", odooCom: "hang" }, status: "hangs", panel: "status_hanging", twin: "status_hangs" },
];

/** Runs the states against a real 17.0 or 18.0 box; returns one result per check. */
export async function runRealPosbox({ series, shape, work }) {
    const results = [];
    const named = (name) => `real ${series.name} box > ${name}`;
    const ip = series.name === "17.0" ? "127.79.0.20" : "127.79.0.30";
    const hostname = `${ip.replace(/\./g, "-")}.${LABEL}.odoo-iot.com`;
    const ca = await makeCa("iot_https_certificate real-box CA");
    const days5 = await makeLeaf(ca, [`*.${LABEL}.odoo-iot.com`], { from: Date.now() - 85 * DAY, until: Date.now() + 5 * DAY });
    const days60 = await makeLeaf(ca, [`*.${LABEL}.odoo-iot.com`], { from: Date.now() - DAY, until: Date.now() + 60 * DAY });
    const secrets = { db_uuid: randomUUID(), enterprise_code: `M${randomBytes(9).toString("hex").toUpperCase()}` };
    const odooCom = await startOdooCom({ ip: ODOO_COM, series: series.name });
    const box = makeBox({ tree: series.src, software: "hw_drivers", ip, geventPort: await freePort(), odooCom: ODOO_COM, conf: { ...secrets } });
    const keyPath = join(box.dir, "nginx-cert.key");
    writeFileSync(keyPath, days5.key, { mode: 0o600 });
    box.setCertificate(days5.cert);
    const states = STATES;
    let twins;
    let front;
    let odoo;
    try {
        // Each real state's dev/ twin, for the contract.
        twins = await startFleet({ states: states.map((state) => state.twin).filter(Boolean), label: "contract2" });
        await box.start();
        front = await startFront({ tree: series.src, software: "hw_drivers", ip, certificate: box.certificatePath, key: keyPath });
        // The box's own `sudo service nginx restart` reaches the front through the fake sudo.
        watchFile(box.frontRequests, { interval: 200 }, () => front.restartRequested());
        await front.reload(days5.cert);
        const record = { name: `Real ${series.name} box`, identifier: "b8:27:eb:00:00:01", hostname, ip, version: `L24.10-${series.name}` };
        odoo = await openBoxPage({ series, shape, work, box: record, ca });
        for (const state of states) {
            await check(results, named(`${state.name}: the box says ${state.code ? state.code.split("\n")[0] : state.status}, the add-on reads ${state.panel}`), () => odoo.explained(async () => {
                const { conf, restart, odooCom: mode, certificate, credentials } = state.box;
                if (credentials) box.setConf(secrets);
                if (conf) box.setConf(conf);
                if (mode) await odooCom.setMode(mode);
                const served = { days5, days60 }[certificate];
                if (served) (box.setCertificate(served.cert), writeFileSync(keyPath, served.key, { mode: 0o600 }), await front.reload(served.cert));
                if (certificate === "unreadable") box.setCertificate(days5.cert, { readable: false });
                if (certificate === "garbage") box.setCertificate("this is not a certificate\n");
                if (restart) (await box.stop(), await box.start());
                await expectAnswer(ip, state);
                await odoo.panel(state.panel);
                const page = odoo.page;
                if (state.code && !state.ok) assert.equal(await page.locator(".o_iot_https_code code").innerText(), state.code.split(/[\s]/)[0]);
                if (state.httpStatus) assert.equal(await page.locator(".o_iot_https_status strong").innerText(), state.httpStatus);
                if (state.detail) assert.match(await page.locator(".o_iot_https_detail").innerText(), state.detail);
                if (!state.ok) assert.doesNotMatch(await page.locator(".o_iot_https_panel").innerText(), /HTTPS OK|certificate is valid/i, "never OK, never valid");
            }));
            if (state.twin) {
                await check(results, named(`contract: ${state.name}: dev/ box "${state.twin}" answers as the real box`), async () => {
                    const twin = twins.boxes.find((b) => b.key === state.twin);
                    assertSameShape(await shapeOf(`http://${ip}:8069`, "18"), await shapeOf(`http://${twin.lanIp}:8069`, "18"), state.twin);
                });
            }
            if (state.retry) {
                await check(results, named(`${state.name}: "Ask the box to retry" reruns the box's own check, and the code shown follows odoo.com`), () => odoo.explained(async () => {
                    await odooCom.setMode(state.retry.odooCom);
                    const asked = odooCom.calls.length;
                    const clicked = Date.now();
                    await odoo.page.click(".o_iot_https_retry");
                    const said = await odoo.page.waitForSelector(".o_iot_https_action_result", { timeout: 60_000 });
                    console.log(`      retry of the real ${series.name} box: ${((Date.now() - clicked) / 1000).toFixed(1)} s from the click to the new status`);
                    assert.equal(await said.innerText(), state.retry.says);
                    assert.equal(odooCom.calls.length, asked + 1, "one new call to odoo.com: one read of the status route");
                    await odoo.page.waitForSelector('.o_iot_https_panel[data-state="ERR_IOT_HTTPS_LOAD_REQUEST_NO_RESULT"]', { timeout: 10_000 });
                    const [line] = await odoo.history();
                    assert.match(line, /asked the box to retry its HTTPS certificate: the box tried again\.$/, "a line in the box's history");
                }));
            }
        }
        await check(results, named("the box sends its db_uuid and enterprise_code; neither reaches the page, its storage or the server's log"), async () => {
            assert.ok(odooCom.calls.length > 0, "the box asked odoo.com");
            assert.deepEqual(await secretsNowhere(odoo, [secrets.db_uuid, secrets.enterprise_code]), { inPage: 0, inLog: 0 });
        });
    } catch (error) {
        results.push({ name: named("the harness ran"), status: "failed", errors: [String(error?.message ?? error).split("\n").slice(0, 12).join("\n      ")] });
    } finally {
        unwatchFile(box.frontRequests);
        await odoo?.close();
        await front?.dispose();
        await twins?.close();
        await odooCom.close();
        await box.dispose();
    }
    return results;
}

/** What the box's status route answers in `state`, read as anyone may read it (never printed whole). */
async function expectAnswer(ip, state) {
    const url = `http://${ip}:8069/hw_posbox_homepage/data`;
    if (state.status === "hangs") {
        const outcome = await fetch(url, { signal: AbortSignal.timeout(3000) }).then(() => "answered", (error) => error.name);
        assert.equal(outcome, "TimeoutError", "the status route hangs");
        return;
    }
    const answer = await fetch(url, { signal: AbortSignal.timeout(30_000) });
    if (state.status) {
        assert.equal(answer.status, state.status);
        assert.equal(answer.headers.get("access-control-allow-origin"), null, "no CORS on the box's error page");
        return;
    }
    assert.equal(answer.headers.get("access-control-allow-origin"), "*");
    const { is_certificate_ok: ok, certificate_details: details } = await answer.json();
    assert.equal(ok, Boolean(state.ok));
    assert.equal(comparableDetails(details), state.code);
}
