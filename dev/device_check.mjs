// The device page in the demo, as the add-on's controller serves it (controllers/device_check.py
// and views/device_check_templates.xml): the same shell, the same two POST calls, the same
// token check and the same one-line-per-link-and-verdict-per-10-minutes rule. The history's
// lines stay in memory (GET /demo/device_history.json).
import { randomBytes, timingSafeEqual } from "node:crypto";

const PATH = "/iot_https_certificate/device_check";
const QUIET_MS = 10 * 60_000;
const VERDICTS = ["works", "dns_issue", "certificate_rejected", "https_fails", "local_network", "unreachable", "no_address"];
const BROWSERS = ["chrome", "edge", "firefox", "safari", "samsung", "opera", "other"];
const SYSTEMS = ["android_tablet", "android_phone", "iphone", "ipad", "windows", "mac", "chromeos", "linux", "other"];

const escapeHtml = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function devicePageHtml({ lang = "en", title = "Check this device", translations = {} } = {}) {
    return `<!DOCTYPE html>
<html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/>
<meta name="robots" content="noindex, nofollow"/><meta name="referrer" content="no-referrer"/><title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/iot_https_certificate/static/src/device_check/device_check.css"/>
<script defer src="/iot_https_certificate/static/device_check/device_check.js"></script></head>
<body><main id="o_iot_device_check" class="o_iot_device" data-translations="${escapeHtml(JSON.stringify(translations))}">
<h1 class="o_iot_device_heading">${escapeHtml(title)}</h1><noscript><p>This check runs in the browser: turn JavaScript on, then open the link again.</p></noscript></main></body></html>`;
}

/** The device links of `records` and the routes behind them. `now` is the demo's clock. */
export function deviceChecks(records, { now = () => Date.now() } = {}) {
    const tokens = new Map(records.map((record) => [record.id, randomBytes(24).toString("base64url")]));
    const logged = new Map();
    const history = [];
    const boxOf = (secret) => {
        if (typeof secret !== "string") return undefined;
        const [id, token = ""] = secret.split(".");
        const record = records.find((r) => String(r.id) === id);
        const expected = Buffer.from(tokens.get(record?.id) ?? "");
        const given = Buffer.from(token);
        return record && expected.length === given.length && timingSafeEqual(expected, given) ? record : undefined;
    };
    const json = (res, status, data) => res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" }).end(JSON.stringify(data));
    const body = (req) => new Promise((resolve) => {
        let text = "";
        req.on("data", (chunk) => (text += chunk));
        req.on("end", () => {
            try {
                resolve(JSON.parse(text.slice(0, 2048)) ?? {});
            } catch {
                resolve({});
            }
        });
    });
    return {
        history,
        link: (id, rotate = false) => {
            if (rotate) {
                tokens.set(id, randomBytes(24).toString("base64url"));
                for (const key of logged.keys()) if (key.startsWith(`${id}:`)) logged.delete(key);
            }
            return { path: `${PATH}#${id}.${tokens.get(id)}`, can_rotate: true };
        },
        /** Answers the device page's routes; false for any other request. */
        handle(req, res, url) {
            if (url.pathname === PATH && req.method === "GET") {
                res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "referrer-policy": "no-referrer" }).end(devicePageHtml());
                return true;
            }
            if (url.pathname === "/demo/device_history.json") return json(res, 200, history), true;
            if (url.pathname === `${PATH}/box` && req.method === "POST") {
                void body(req).then(({ token }) => {
                    const record = boxOf(token);
                    return record ? json(res, 200, { name: record.name, ip: record.ip }) : json(res, 404, { error: "invalid" });
                });
                return true;
            }
            if (url.pathname === `${PATH}/result` && req.method === "POST") {
                void body(req).then(({ token, verdict, browser, system }) => {
                    const record = boxOf(token);
                    if (!record) return json(res, 404, { error: "invalid" });
                    if (!VERDICTS.includes(verdict) || !BROWSERS.includes(browser) || !SYSTEMS.includes(system)) return json(res, 400, { error: "refused" });
                    const key = `${record.id}:${verdict}`;
                    if (now() - (logged.get(key) ?? -Infinity) < QUIET_MS) return json(res, 200, { recorded: "recent" });
                    logged.set(key, now());
                    history.push({ box: record.id, verdict, browser, system, user: null });
                    return json(res, 200, { recorded: true });
                });
                return true;
            }
            return false;
        },
    };
}
