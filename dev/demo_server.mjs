// The demo page server: the add-on's real bundle code on the @web stand-in, the simulated
// fleet as records, and (for ordinary browsers) the relay that probes the boxes for the page.
import * as esbuild from "esbuild";
import { createServer as createHttpServer, request as httpRequest } from "node:http";
import { createServer as createHttpsServer, request as httpsRequest } from "node:https";
import { readFileSync, existsSync } from "node:fs";
import { extname, normalize } from "node:path";
import { filesUnder } from "../scripts/files.mjs";
import { at } from "./box_states.mjs";
import { deviceChecks } from "./device_check.mjs";

const TYPES = { ".css": "text/css", ".js": "text/javascript", ".woff2": "font/woff2", ".woff": "font/woff", ".ttf": "font/ttf", ".xml": "text/xml" };
const STATIC = {
    "/bootstrap.css": "node_modules/bootstrap/dist/css/bootstrap.min.css",
    "/luxon.js": "node_modules/luxon/build/global/luxon.js",
    "/owl.js": "node_modules/@odoo/owl/dist/owl.es.js",
    "/templates.xml": "static/src/iot_https_certificate.xml",
    // Exactly the file Odoo loads from web.assets_backend.
    "/iot_https_certificate.js": "static/src/iot_https_certificate.js",
    // The plain scripts, at the paths Odoo serves them from.
    "/iot_https_certificate/static/lib/qr/qr.js": "static/lib/qr/qr.js",
    "/iot_https_certificate/static/device_check/device_check.js": "static/device_check/device_check.js",
    "/iot_https_certificate/static/src/device_check/device_check.css": "static/src/device_check/device_check.css",
    "/iot_https_certificate/static/src/components/https_link/https_link.css": "static/src/components/https_link/https_link.css",
};

const page = (importMap) => `<!doctype html><html lang="en"><meta charset="utf-8"><title>IoT Boxes — HTTPS certificate demo</title>
<script type="importmap">${JSON.stringify({ imports: importMap })}</script>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/bootstrap.css"><link rel="stylesheet" href="/font-awesome/css/font-awesome.min.css">
<link rel="stylesheet" href="/iot_https_certificate/static/src/components/https_link/https_link.css">
<style>.o_iot_https_badge{font-weight:500}.o_data_row{cursor:pointer}.o_kanban_record{cursor:pointer}</style>
<body class="bg-light"><div id="app"></div><script src="/luxon.js"></script><script type="module" src="/demo.js"></script>`;

const EXTERNAL = ["@odoo/owl", "@web/*", "@iot_https_certificate/*"];

/**
 * The page's modules: the demo app, and each `@web/*` stand-in module on its own, so the
 * committed bundle imports them by name through an import map, as Odoo's loader would.
 */
export async function buildDemo() {
    const build = async (entry) =>
        (await esbuild.build({ entryPoints: [entry], bundle: true, format: "esm", platform: "browser", target: "es2022", write: false, external: EXTERNAL, logLevel: "silent" })).outputFiles[0].text;
    const modules = { "/demo.js": await build("dev/demo/main.ts") };
    const importMap = { "@odoo/owl": "/owl.js", "@iot_https_certificate/iot_https_certificate": "/iot_https_certificate.js" };
    for (const file of filesUnder("dev/web", ".ts")) {
        const name = file.slice("dev/".length, -".ts".length); // web/core/registry
        modules[`/${name}.js`] = await build(file);
        importMap[`@${name}`] = `/${name}.js`;
    }
    return { modules, html: page(importMap) };
}

/** Makes the request the page asked for, the way a browser would, and reports what happened. */
function relay(fleet, url, mode, res) {
    let target;
    try {
        target = new URL(url);
    } catch {
        return fail(res, "bad_url");
    }
    const port = Number(target.port || (target.protocol === "https:" ? 443 : 80));
    const route = fleet.route(target.hostname, port);
    if (!route) return fail(res, "ENOTFOUND");
    const send = target.protocol === "https:" ? httpsRequest : httpRequest;
    const request = send({
        host: route.host, port: route.port, path: target.pathname + target.search, method: "GET",
        servername: target.hostname, ca: fleet.ca.pem, headers: { host: target.host }, timeout: 15_000,
    }, (answer) => {
        res.writeHead(200, {
            "x-relay": "answered",
            "x-relay-cors": answer.headers["access-control-allow-origin"] ?? "",
            "content-type": answer.headers["content-type"] ?? "application/octet-stream",
            "cache-control": "no-store",
        });
        if (mode === "no-cors") {
            answer.resume();
            return res.end();
        }
        answer.pipe(res);
    });
    request.on("timeout", () => request.destroy(Object.assign(new Error("timeout"), { code: "ETIMEDOUT" })));
    request.on("error", (error) => fail(res, error.code ?? "error"));
    res.on("close", () => request.destroy());
    request.end();
}

function fail(res, code) {
    if (res.headersSent) return res.destroy();
    res.writeHead(200, { "x-relay": "failed", "x-relay-error": code, "cache-control": "no-store" });
    res.end();
}

const HOUR = 3_600_000;

/**
 * A box at another shop: nothing answers at its addresses from here, and the database holds
 * what it last reported, as a browser at that shop stored it two hours ago.
 */
export function remoteRecord(fleet, now = Date.now()) {
    const [first] = fleet.boxes;
    const lanIp = first.lanIp.replace(/\.\d+$/, ".250");
    return {
        id: fleet.boxes.length + 1,
        name: "Remote shop (known from the database)",
        identifier: "b8:27:eb:99:00:01",
        ip: `${lanIp.replace(/\./g, "-")}.${first.label}.odoo-iot.com`,
        version: "25.04",
        https_certificate_state: "ok",
        https_certificate_end_date: at(now + 64 * 24 * HOUR),
        https_certificate_error: false,
        https_certificate_reported_at: at(now - 2 * HOUR),
    };
}

/** `iot.box.https_certificate_facts`, as the server computes it from the record's fields. */
function factsOf(record) {
    const field = (name) => record[`https_certificate_${name}`] ?? false;
    return { version: record.version ?? "", box_end_date: false, state: field("state"), end_date: field("end_date"), error: field("error"), reported_at: field("reported_at") };
}

/**
 * Starts the page server. `relay`: probe through the server (ordinary browsers); otherwise the
 * page fetches the boxes itself (tests, with resolver rules and the CA trusted). `tls`: serve
 * the page over https with `{ cert, key }`.
 */
export async function startDemo({ fleet, port = 0, relay: useRelay = true, tls }) {
    const { modules, html } = await buildDemo();
    // The demo's user is an IoT administrator: the panel offers the actions on the boxes.
    const records = [...fleet.boxes.map((b) => b.record), remoteRecord(fleet)].map((record) => ({ ...record, https_certificate_facts: factsOf(record), https_certificate_can_act: true }));
    const fleetJson = JSON.stringify({ relay: useRelay, records });
    const devices = deviceChecks(records);
    const handler = (req, res) => {
        const url = new URL(req.url, "http://demo");
        if (devices.handle(req, res, url)) return;
        if (url.pathname === "/demo/device_link") {
            const link = devices.link(Number(url.searchParams.get("id")), url.searchParams.has("rotate"));
            return res.writeHead(200, { "content-type": "application/json" }), res.end(JSON.stringify(link));
        }
        if (url.pathname === "/relay" && useRelay) return relay(fleet, url.searchParams.get("url") ?? "", url.searchParams.get("mode"), res);
        if (modules[url.pathname]) return res.writeHead(200, { "content-type": "text/javascript" }), res.end(modules[url.pathname]);
        if (url.pathname === "/demo/fleet.json") return res.writeHead(200, { "content-type": "application/json" }), res.end(fleetJson);
        if (STATIC[url.pathname]) return res.writeHead(200, { "content-type": TYPES[extname(STATIC[url.pathname])] }), res.end(readFileSync(STATIC[url.pathname]));
        if (url.pathname.startsWith("/font-awesome/")) {
            const file = normalize(`node_modules${url.pathname}`);
            if (file.startsWith("node_modules/font-awesome/") && existsSync(file)) {
                return res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }), res.end(readFileSync(file));
            }
            return res.writeHead(404), res.end();
        }
        if (url.pathname === "/") return res.writeHead(200, { "content-type": "text/html; charset=utf-8" }), res.end(html);
        res.writeHead(404);
        res.end();
    };
    const server = tls ? createHttpsServer(tls, handler) : createHttpServer(handler);
    await new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, "127.0.0.1", resolve);
    });
    return {
        server,
        url: `${tls ? "https" : "http"}://127.0.0.1:${server.address().port}/`,
        close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
    };
}
