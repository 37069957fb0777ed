// A fleet of simulated IoT boxes: Node HTTPS servers on loopback that answer like real boxes of
// their generation (paths, content types, CORS), each in one state of ./box_states.mjs.
//
// Each box has a LAN IP in 127.77.0.0/16 (loopback, so nothing leaves the machine) where its
// plain HTTP answers on port 8069, and an HTTPS port on 127.0.0.1 that the name
// `<a-b-c-d>.<label>.odoo-iot.com` maps to (Chromium's --host-resolver-rules, or the demo relay).
import { createServer as createHttpServer } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { makeCa, makeLeaf, makeSelfSigned } from "./ca.mjs";
import { STATES, at, statusBody } from "./box_states.mjs";

const ROUTES = { "19": "/iot_drivers/data", "18": "/hw_posbox_homepage/data" };
const PINGS = { "19": "/iot_drivers/ping", "18": "/hw_posbox_homepage/ping" };
const RESTARTS = { "19": "/iot_drivers/restart_odoo_service", "18": "/hw_posbox_homepage/restart_odoo_service" };
/** How long a restarted box is away, as the real 19.0 box measured here (1.3–2.1 s). */
const RESTART_MS = 1500;
const DAY = 86_400_000;
/** Odoo's answers, headers as a real box sends them (tests/real_box/contract.mjs). */
const HTML = { "content-type": "text/html; charset=utf-8" };
const CORS_GET = { ...HTML, "access-control-allow-origin": "*", "access-control-allow-methods": "GET, POST" };
const PREFLIGHT = {
    ...CORS_GET,
    "access-control-allow-headers": "Origin, X-Requested-With, Content-Type, Accept, Authorization",
    "access-control-max-age": "86400",
};
const PAGE_500 = "<!doctype html><html lang=en><title>500 Internal Server Error</title><h1>Internal Server Error</h1></html>";
/** The box image's nginx page when Odoo on the box is down (the words, not its file). */
const PAGE_502 = "<!DOCTYPE html><html><head><title>IoT Box is down</title></head><body><h1>Your IoT Box is starting or restarting</h1></body></html>";

function handler(box, { front = false } = {}) {
    return (req, res) => {
        box.hits++;
        const state = box.state;
        if (state.silent) return; // accepts the connection, never answers
        if (Date.now() < box.awayUntil) {
            // Restarting: the front answers its 502 page, Odoo's own port nothing.
            if (!front) return req.socket.destroy();
            return res.writeHead(502, { "content-type": "text/html" }).end(PAGE_502);
        }
        if (front && state.odooDown) {
            res.writeHead(502, { "content-type": "text/html" }); // nginx adds no CORS header
            return res.end(PAGE_502);
        }
        const answer = () => {
            const path = new URL(req.url, "http://box").pathname;
            const cors = [ROUTES[state.generation], PINGS[state.generation], "/hw_proxy/hello"].includes(path);
            if (cors && req.method === "OPTIONS") return res.writeHead(204, PREFLIGHT).end();
            if (path === "/hw_proxy/hello") return res.writeHead(200, CORS_GET).end("ping");
            if (path === RESTARTS[state.generation]) {
                box.awayUntil = Date.now() + 100 + RESTART_MS;
                box.startedAt = box.awayUntil;
                return res.writeHead(200, CORS_GET).end(JSON.stringify({ status: "success", message: "Odoo service restarted" }));
            }
            // 17.0/18.0: reruns the certificate check (and the download when due); answers nothing.
            if (path === "/hw_drivers/check_certificate" && state.generation !== "19") return res.writeHead(200, CORS_GET).end("");
            if (path === PINGS[state.generation]) return res.writeHead(200, CORS_GET).end(JSON.stringify({ status: "success", message: "pong" }));
            if (path === ROUTES[state.generation]) {
                if (state.statusHangs) return; // the box waits on odoo.com
                if (state.statusFails) return res.writeHead(500, HTML).end(PAGE_500); // uncaught: no CORS
                // Real boxes send JSON text as text/html.
                return res.writeHead(200, CORS_GET).end(statusBody(state, box.label, { ip: box.lanIp, startedAt: box.startedAt }));
            }
            res.writeHead(404, HTML); // Odoo's 404 has no CORS header
            res.end("<!DOCTYPE html><title>404 Not Found</title>");
        };
        if (state.delayMs) setTimeout(answer, state.delayMs);
        else answer();
    };
}

function listen(server, port, host) {
    return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => resolve(server.address().port));
    });
}

/**
 * Starts one box per state name. `label` is the per-customer subdomain of the names;
 * `firstOctet` picks the 127.77.<n>.0/24 block (from the process id, so a demo and a test run
 * side by side do not compete for the same <ip>:8069).
 * Returns the boxes (as `iot.box` records plus network facts) and `close()`.
 */
export async function startFleet({ states = Object.keys(STATES), label = "demo1234", firstOctet = 1 + (process.pid % 250) } = {}) {
    const ca = await makeCa("iot_https_certificate test CA");
    const stranger = await makeCa("Some other CA");
    // Another fleet (a demo, another test run) may hold this block's <ip>:8069: take the next.
    for (let attempt = 0; ; attempt++) {
        try {
            return await startBoxes({ states, label, octet: ((firstOctet - 1 + attempt) % 250) + 1, ca, stranger });
        } catch (error) {
            if (error.code !== "EADDRINUSE" || attempt >= 20) throw error;
        }
    }
}

async function startBoxes({ states, label, octet, ca, stranger }) {
    const sockets = new Set();
    const servers = [];
    const boxes = [];
    for (const [index, key] of states.entries()) {
        const state = { ...STATES[key] };
        const lanIp = `127.77.${octet}.${index + 1}`;
        const hostname = `${lanIp.replace(/\./g, "-")}.${label}.odoo-iot.com`;
        const box = {
            id: index + 1, key, state, label, lanIp, hostname,
            record: {
                id: index + 1,
                name: state.title,
                identifier: `b8:27:eb:${String(index + 1).padStart(2, "0")}:00:01`,
                ip: state.plainIp ? lanIp : hostname,
                // Box image versions (year.month; L for Linux, W for Windows virtual boxes), not Odoo series.
                version: state.generation === "legacy" ? "23.11" : state.generation === "18" ? "L24.10" : "25.04",
            },
            tlsPort: 0,
            startedAt: Date.now(),
            /** Until when a restart keeps the box away. */
            awayUntil: 0,
            /** Requests this box received, on any port: tests count probes with it. */
            hits: 0,
        };
        const expiry = Date.now() + (state.expiresIn ?? 60 * DAY);
        const names = state.tls === "wrong_name" ? [`*.another.odoo-iot.com`] : [`*.${label}.odoo-iot.com`];
        if (state.storedEnd) {
            // What a browser stored while the box still reported its end date.
            Object.assign(box.record, { https_certificate_state: "renewal_due", https_certificate_end_date: at(expiry), https_certificate_error: false, https_certificate_reported_at: at(expiry - 11 * DAY) });
        }
        const leaf = state.tls === "temporary"
            ? await makeSelfSigned("OdooTempIoTBoxCertificate")
            : await makeLeaf(state.tls === "untrusted" ? stranger : ca, names, {
                from: Math.min(Date.now() - DAY, expiry - 90 * DAY),
                until: expiry,
            });
        if (!state.refused) {
            // 443 is the box's nginx (the front); 8069 is Odoo on the box itself.
            const https = createHttpsServer({ cert: leaf.cert, key: leaf.key }, handler(box, { front: true }));
            const http = createHttpServer(handler(box));
            for (const server of [https, http]) server.on("connection", (s) => (sockets.add(s), s.on("close", () => sockets.delete(s))));
            servers.push(https, http);
            try {
                box.tlsPort = await listen(https, 0, "127.0.0.1");
                await listen(http, 8069, lanIp);
                if (state.odooDown) http.close(); // nothing listens where Odoo would
            } catch (error) {
                await Promise.all(servers.map((server) => new Promise((resolve) => server.close(() => resolve()))));
                throw error;
            }
        } else {
            // A port that was free a moment ago: connecting to it is refused.
            const probe = createHttpServer();
            box.tlsPort = await listen(probe, 0, "127.0.0.1");
            await new Promise((resolve) => probe.close(resolve));
        }
        boxes.push(box);
    }
    return {
        ca,
        boxes,
        /** Where a name or LAN address really goes; undefined means "does not resolve". */
        route(host, port) {
            const box = boxes.find((b) => b.hostname === host || b.lanIp === host);
            if (!box) return undefined;
            if (box.hostname === host) {
                if (box.state.dns === "fail") return undefined;
                return port === 8069 ? { host: box.lanIp, port: 8069 } : { host: "127.0.0.1", port: box.tlsPort };
            }
            return { host: box.lanIp, port };
        },
        /** The same routing as Chromium's --host-resolver-rules value. */
        resolverRules() {
            const rules = [];
            for (const box of boxes) {
                if (box.state.dns === "fail") rules.push(`MAP ${box.hostname} ~NOTFOUND`);
                else rules.push(`MAP ${box.hostname}:443 127.0.0.1:${box.tlsPort}`, `MAP ${box.hostname}:8069 ${box.lanIp}:8069`);
            }
            rules.push("MAP *.odoo-iot.com ~NOTFOUND");
            return rules.join(", ");
        },
        /**
         * Chromium's --ip-address-space-overrides entries that make every box count as a LAN
         * device ("local"), as real boxes are, although they listen on loopback.
         */
        addressSpaceOverrides() {
            return boxes.filter((b) => !b.state.refused).flatMap((b) => [`${b.lanIp}:8069=local`, `127.0.0.1:${b.tlsPort}=local`]);
        },
        setState(id, key) {
            const box = boxes.find((b) => b.id === id);
            box.state = { ...STATES[key] };
        },
        async close() {
            for (const socket of sockets) socket.destroy();
            await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
        },
    };
}
