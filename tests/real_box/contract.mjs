// The contract between the simulated boxes (dev/) and the real box software: a real box in one
// state and its dev/ twin must answer alike, on every route the add-on reads: path, status and
// content type, the CORS headers and the preflight, the status JSON's fields and formats, and the
// certificate details (object addresses and dates made comparable). `ip`, which the harness
// sets, and values that depend on the machine (hostname, MAC) are left out: only their types
// count.
import assert from "node:assert/strict";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";

const ROUTES = {
    "19": { status: "/iot_drivers/data", ping: "/iot_drivers/ping" },
    "18": { status: "/hw_posbox_homepage/data", ping: "/hw_posbox_homepage/ping" },
};
const ORIGIN = "http://127.0.0.1:8069";
/** Fields whose value, not only its type, is the contract. */
const CERTIFICATE_FIELDS = ["certificate_end_date", "is_certificate_ok", "certificate_details"];

/** One request as a browser's would go out, answered as a page would see it. */
function get(url, { method = "GET", headers = {}, tls, timeoutMs = 15_000 } = {}) {
    const target = new URL(url);
    const send = target.protocol === "https:" ? httpsRequest : httpRequest;
    return new Promise((resolve) => {
        const req = send({
            host: tls?.host ?? target.hostname, port: target.port || (target.protocol === "https:" ? 443 : 80),
            path: target.pathname, method, headers: { origin: ORIGIN, ...headers },
            ...(tls ? { servername: target.hostname, ca: tls.ca } : {}),
            timeout: timeoutMs,
        }, (res) => {
            let body = "";
            res.setEncoding("utf8");
            res.on("data", (chunk) => (body += chunk));
            res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body }));
        });
        req.on("timeout", () => (req.destroy(), resolve({ status: "hangs" })));
        req.on("error", (error) => resolve({ status: `error ${error.code}` }));
        req.end();
    });
}

const typeOf = (value) => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value);

/** The certificate details with the parts that differ from run to run made comparable. */
export function comparableDetails(details) {
    return String(details)
        .replace(/ at 0x[0-9a-f]+/g, " at 0x…")
        .replace(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/g, "<date>")
        .replace(/\*\.[a-z0-9-]+\.odoo-iot\.com/g, "*.<label>.odoo-iot.com");
}

function describeAnswer(answer, { json = false } = {}) {
    if (typeof answer.status !== "number") return { status: answer.status };
    const described = {
        status: answer.status,
        contentType: answer.headers["content-type"],
        allowOrigin: answer.headers["access-control-allow-origin"],
        allowMethods: answer.headers["access-control-allow-methods"],
    };
    if (!json || answer.status !== 200) return described;
    let value;
    try {
        value = JSON.parse(answer.body);
    } catch {
        return { ...described, body: "not JSON" };
    }
    const fields = Object.fromEntries(Object.keys(value).sort().map((key) => [key, typeOf(value[key])]));
    const certificate = {};
    for (const key of CERTIFICATE_FIELDS) {
        if (!(key in value)) continue;
        certificate[key] = typeof value[key] === "string" ? comparableDetails(value[key]) : value[key];
    }
    return { ...described, fields, certificate };
}

/**
 * What a box of `generation` at `base` (http://<ip>:8069) answers on the routes the add-on uses.
 * `front`: also its HTTPS status route through its front ({ url, tls }).
 */
export async function shapeOf(base, generation, { front } = {}) {
    const routes = ROUTES[generation];
    const preflightHeaders = { "access-control-request-method": "GET", "access-control-request-private-network": "true" };
    const preflight = await get(base + routes.status, { method: "OPTIONS", headers: preflightHeaders });
    const shape = {
        status: describeAnswer(await get(base + routes.status, { timeoutMs: 3000 }), { json: true }),
        hello: { ...describeAnswer(await get(`${base}/hw_proxy/hello`)) },
        ping: describeAnswer(await get(base + routes.ping), { json: true }),
        unknown: describeAnswer(await get(`${base}/no/such/route`)),
        preflight: {
            status: preflight.status,
            allowOrigin: preflight.headers?.["access-control-allow-origin"],
            allowMethods: preflight.headers?.["access-control-allow-methods"],
            allowHeaders: preflight.headers?.["access-control-allow-headers"],
            maxAge: preflight.headers?.["access-control-max-age"],
            allowPrivateNetwork: preflight.headers?.["access-control-allow-private-network"],
        },
    };
    if (front) shape.front = describeAnswer(await get(front.url + routes.status, { tls: front.tls }));
    return shape;
}

/** The real box's shape against its twin's; the assertion names each difference. */
export function assertSameShape(real, twin, label) {
    const differences = [];
    const walk = (a, b, path) => {
        if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) {
            for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) walk(a[key], b[key], `${path}.${key}`);
        } else if (a !== b) {
            differences.push(`${path}: real ${JSON.stringify(a)}, dev ${JSON.stringify(b)}`);
        }
    };
    walk(real, twin, label);
    assert.deepEqual(differences, [], `dev/ differs from the real box:\n${differences.join("\n")}`);
}
