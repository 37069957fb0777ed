// View benchmark in headless Chromium (run by `npm run bench`): rendering 1,000 list rows with
// the add-on's link and badge columns against the same list without them, and the script time
// of one status change (median of 9), with the number of rows it touched.
import * as esbuild from "esbuild";
import { launch } from "../../scripts/chromium.mjs";
import { JS, PAGE_FILES, serveStatic } from "../../scripts/static_server.mjs";

const built = await esbuild.build({
    entryPoints: ["tests/bench/views_page.ts"], bundle: true, format: "esm", platform: "browser", target: "es2022",
    write: false, alias: { "@web": "./dev/web", "@iot_https_certificate/iot_https_certificate": "./static/src/iot_https_certificate.ts" }, logLevel: "silent",
});
const PAGE = `<!doctype html><meta charset="utf-8"><link rel="stylesheet" href="/https_link.css"><div id="bench"></div><script src="/luxon.js"></script><script type="module" src="/page.js"></script>`;
const server = await serveStatic({ ...PAGE_FILES, "/page.js": { text: built.outputFiles[0].text, type: JS } }, PAGE);
const browser = await launch();
const line = (name, value, comparison) => console.log(`bench ${name}: ${value} (${comparison})`);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
try {
    const page = await browser.context.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => window.bench);
    await page.evaluate(() => window.bench.setup());
    // Main-thread busy time (script, DOM, style, GC), not wall time: OWL renders on the next
    // animation frame, and the wait for it is not work.
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send("Performance.enable");
    const metric = async (name) => (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === name).value;
    const runs = { plain: [], full: [], reference: [] };
    for (let i = 0; i < 7; i++) {
        for (const kind of ["plain", "full", "reference"]) {
            await page.evaluate(() => window.bench.show("none"));
            const before = await metric("TaskDuration");
            await page.evaluate((k) => window.bench.show(k), kind);
            runs[kind].push(((await metric("TaskDuration")) - before) * 1000);
        }
    }
    const [plain, full, reference] = ["plain", "full", "reference"].map((kind) => median(runs[kind].slice(2)));
    const perRow = (ms) => `${((ms - plain) * 1000 / 1000).toFixed(0)} µs/row`;
    line(
        "list-render-1000-rows",
        `${full.toFixed(1)} ms with the HTTPS columns`,
        `${plain.toFixed(1)} ms without, ratio ${(full / plain).toFixed(2)}× (goal ≤ 1.3×); ` +
            `with two columns of Odoo's own url and badge widgets instead: ${reference.toFixed(1)} ms, ${(reference / plain).toFixed(2)}×; ` +
            `the two columns cost ${perRow(full)} against ${perRow(reference)} for Odoo's; main-thread time, median of 5 after 2 warm-ups`
    );
    const store = median(await Promise.all([0, 1, 2].map(() => page.evaluate(() => window.bench.subscribeOnly()))));
    line("store-subscribe-1000-boxes", `${store.toFixed(1)} ms`, "the store's share of the list render");
    await page.evaluate(() => window.bench.show("none"));
    await page.evaluate(() => window.bench.mountFull());
    const changes = [];
    let rows = 0;
    for (let run = 0; run < 9; run++) {
        const before = await metric("ScriptDuration");
        rows = Math.max(rows, await page.evaluate((n) => window.bench.changeOne(n), run));
        changes.push(((await metric("ScriptDuration")) - before) * 1000);
    }
    line("one-status-change", `${median(changes).toFixed(2)} ms script time, median of 9 (the check's parsing and diagnosis included)`, `at most ${rows} of 1000 rows touched; goal < 0.5 ms, one row`);
} finally {
    await browser.close();
    server.close();
}
