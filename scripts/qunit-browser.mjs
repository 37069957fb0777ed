// Runs a QUnit suite in headless Chromium: bundles `entry` for the browser (OWL from npm, the
// `@web/*` stand-in), serves it with QUnit, luxon's global build and the add-on's templates on
// a free loopback port, and collects one record per test through an exposed function.
import * as esbuild from "esbuild";
import { launch } from "./chromium.mjs";
import { JS, PAGE_FILES, serveStatic } from "./static_server.mjs";

const FILES = {
    ...PAGE_FILES,
    "/qunit.js": { file: "node_modules/qunit/qunit/qunit.js", type: JS },
    "/qunit.css": { file: "node_modules/qunit/qunit/qunit.css", type: "text/css" },
    "/views.xml": { file: "views/iot_box_views.xml", type: "text/xml" },
};

const PAGE = `<!doctype html><meta charset="utf-8"><title>iot_https_certificate tests</title>
<link rel="stylesheet" href="/qunit.css"><link rel="stylesheet" href="/https_link.css"><div id="qunit"></div><div id="qunit-fixture"></div>
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
    const server = await serveStatic({ ...FILES, "/suite.js": { text: built.outputFiles[0].text, type: JS } }, PAGE);
    const browser = await launch();
    const results = [];
    try {
        const page = await browser.context.newPage();
        page.on("pageerror", (error) => results.push({ name: "page error", status: "failed", errors: [String(error)] }));
        let finish;
        const ended = new Promise((resolve) => (finish = resolve));
        await page.exposeFunction("reportTest", (r) => results.push(r));
        await page.exposeFunction("reportEnd", () => finish());
        await page.goto(server.url);
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
