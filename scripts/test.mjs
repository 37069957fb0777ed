// `npm test`: type-check, committed-build check, the Node suite, the browser suite, then the
// end-to-end tests.
// Every check counts as a test; the last line is always `N passed, N failed`.
import { spawnSync } from "node:child_process";
import { runNodeSuite } from "./qunit-node.mjs";
import { runBrowserSuite } from "./qunit-browser.mjs";
import { runE2E } from "../tests/e2e/e2e.mjs";
import { runDeviceE2E } from "../tests/e2e/device_check.mjs";
import { buildAll, staleFiles } from "./build.mjs";

const results = [];
const record = (name, ok, errors = []) => results.push({ name, status: ok ? "passed" : "failed", errors });

function step(title) {
    console.log(`\n— ${title}`);
}

function report(list) {
    for (const r of list) {
        if (r.status === "failed") {
            console.log(`  ✗ ${r.name}`);
            for (const e of r.errors) console.log(`      ${e}`);
        }
    }
    const failed = list.filter((r) => r.status === "failed").length;
    console.log(`  ${list.length - failed} passed, ${failed} failed`);
}

step("type-check (tsc --noEmit, strict)");
const tsc = spawnSync("npx", ["tsc", "--noEmit", "-p", "tsconfig.json"], { encoding: "utf8" });
record("tsc --noEmit passes", tsc.status === 0, [tsc.stdout.trim()].filter(Boolean));
report(results.slice(-1));

step("committed build output matches the sources");
const stale = staleFiles(await buildAll());
record("committed bundle, templates, Odoo suite and .pot are up to date", stale.length === 0, stale.map((f) => `stale: ${f} (run npm run build)`));
report(results.slice(-1));

step("Node suite (core and build)");
const nodeResults = await runNodeSuite("tests/node_suite.ts", ".tmp/node-suite.mjs");
results.push(...nodeResults);
report(nodeResults);

step("Browser suite (components and widgets, headless Chromium)");
const browserResults = await runBrowserSuite("tests/browser_suite.ts");
results.push(...browserResults);
report(browserResults);

step("End to end (demo page, simulated boxes over real HTTPS, headless Chromium)");
const e2eResults = await runE2E();
results.push(...e2eResults);
report(e2eResults);

step("The device page (a tablet's browser, simulated boxes over real HTTPS, headless Chromium)");
const deviceResults = await runDeviceE2E();
results.push(...deviceResults);
report(deviceResults);

const failed = results.filter((r) => r.status === "failed").length;
console.log("\nreal-Odoo suite: not run here (npm run test:odoo runs it, given ODOO17_SRC, ODOO18_SRC and/or ODOO19_SRC)");
console.log(`\n${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
