// Runs a QUnit suite in headless Chromium: bundles `entry` for the browser (OWL from npm, the
// `@web/*` stand-in), serves it with QUnit, luxon's global build and the add-on's templates on
// a free loopback port, and collects one record per test through an exposed function.
import * as esbuild from "esbuild";
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { launch } from "./chromium.mjs";

const FILES = {
    "/qunit.js": ["node_modules/qunit/qunit/qunit.js", "text/javascript"],
    "/qunit.css": ["node_modules/qunit/qunit/qunit.css", "text/css"],
    "/luxon.js": ["node_modules/luxon/build/global/luxon.js", "text/javascript"],
    "/templates.xml": ["static/src/iot_https_certificate.xml", "text/xml"],
    "/views.xml": ["views/iot_box_views.xml", "text/xml"],
};

const PAGE = `<!doctype html><meta charset="utf-8"><title>iot_https_certificate tests</title>
<link rel="stylesheet" href="/qunit.css"><div id="qunit"></div><div id="qunit-fixture"></div>
<script src="/luxon.js"></script><script src="/qunit.js"></script>
<script>QUnit.config.autostart = false; QUnit.config.testTimeout = 10000;
QUnit.on("testEnd", (t) => window.reportTest({ name: t.fullName.join(" > "), status: t.status,
  errors: t.errors.map((e) => (e.message || "") + (e.cause ? " / cause: " + e.cause : "") + (e.actual !== undefined ? "\\n      actual:   " + JSON.stringify(e.actual) + "\\n      expected: " + JSON.stringify(e.expected) : "")) }));
QUnit.on("runEnd", () => window.reportEnd());</script>
<script type="module">import("/suite.js").then(() => QUnit.start(), (e) => { window.reportTest({ name: "load suite", status: "failed", errors: [String(e && e.stack || e)] }); window.reportEnd(); });</script>`;

export async function runBrowserSuite(entry) {
    const built = await esbuild.build({
        entryPoints: [entry], bundle: true, format: "esm", platform: "browser", target: "es2022", write: false,
        alias: { "@web": "./dev/web" }, logLevel: "silent", sourcemap: "inline",
    });
    const suite = built.outputFiles[0].text;
    const server = createServer((req, res) => {
        const path = new URL(req.url, "http://x").pathname;
        if (path === "/suite.js") return res.writeHead(200, { "content-type": "text/javascript" }), res.end(suite);
        if (FILES[path]) return res.writeHead(200, { "content-type": FILES[path][1] }), res.end(readFileSync(FILES[path][0]));
        res.writeHead(200, { "content-type": "text/html" });
        res.end(PAGE);
    });
    await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
    const browser = await launch();
    const results = [];
    try {
        const page = await browser.context.newPage();
        page.on("pageerror", (error) => results.push({ name: "page error", status: "failed", errors: [String(error)] }));
        let finish;
        const ended = new Promise((resolve) => (finish = resolve));
        await page.exposeFunction("reportTest", (r) => results.push(r));
        await page.exposeFunction("reportEnd", () => finish());
        await page.goto(`http://127.0.0.1:${server.address().port}/`);
        const timeout = new Promise((resolve) => setTimeout(() => resolve("timeout"), 120_000));
        if ((await Promise.race([ended, timeout])) === "timeout") {
            results.push({ name: "browser suite finished", status: "failed", errors: ["no runEnd within 120 s"] });
        }
    } finally {
        await browser.close();
        server.close();
    }
    return results;
}
