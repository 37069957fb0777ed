// `npm run test:odoo`: the add-on inside real Odoo. For each Odoo Community tree given
// (ODOO17_SRC, ODOO18_SRC, ODOO19_SRC) and each stand-in IoT shape that series loads (tests/odoo/), it
// makes a throwaway database, installs the stand-in `iot` and the add-on, and runs Odoo's own
// test runner on the add-on (its Python tests, the QUnit suite on Odoo's test page, the UI
// check). It ends with `N passed, N failed` over all databases; with no tree it runs nothing
// and exits 2.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { addonFolder, dropDatabase, ensureDebianPackages, ensurePostgres, freePort, givenSeries, odooArgs, startOdoo } from "./odoo.mjs";
import { runRealBox19 } from "../tests/real_box/real_box_19.mjs";
import { runRealPosbox } from "../tests/real_box/real_box_posbox.mjs";
import { runDeviceCheck } from "../tests/device_check/device_check_odoo.mjs";
import { runReinstall } from "../tests/apps/reinstall_odoo.mjs";

/** The real box software of each tree, read through the add-on in that tree's web client. */
const REAL_BOXES = { "17.0": runRealPosbox, "18.0": runRealPosbox, "19.0": runRealBox19 };

const runs = givenSeries().flatMap((series) => series.shapes.map((shape) => ({ series, shape })));
if (!runs.length) {
    console.log("test:odoo: nothing run: set ODOO17_SRC, ODOO18_SRC and/or ODOO19_SRC to an Odoo Community source tree");
    process.exit(2);
}

ensureDebianPackages(givenSeries());
ensurePostgres();
const work = addonFolder();
const results = [];
try {
    for (const { series, shape } of runs) results.push(await runDatabase(series, shape));
    for (const series of givenSeries()) results.push(await runChecks(`Odoo ${series.name}, uninstall and install again`, () => runReinstall({ series, shape: series.shapes[0], work })));
    for (const series of givenSeries()) results.push(await runChecks(`Odoo ${series.name}, the device page`, () => runDeviceCheck({ series, shape: series.shapes[0], work })));
    for (const series of givenSeries().filter((s) => REAL_BOXES[s.name])) results.push(await runRealBoxes(series));
} finally {
    rmSync(work, { recursive: true, force: true });
}

console.log("");
for (const r of results) console.log(`  ${r.label}: ${r.passed} passed, ${r.failed} failed (${r.seconds} s)`);
const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

/** The real-box checks of `series`, in its own database on the series' own IoT shape. */
function runRealBoxes(series) {
    return runChecks(`Odoo ${series.name}, the real ${series.name} box`, () => REAL_BOXES[series.name]({ series, shape: series.shapes[0], work }));
}

/** Checks that return `{ name, status, errors }` each, counted one by one. */
async function runChecks(label, run) {
    const started = Date.now();
    console.log(`\n— ${label}`);
    const checks = await run();
    for (const check of checks) {
        console.log(`  ${check.status === "passed" ? "✓" : "✗"} ${check.name}`);
        for (const error of check.errors) console.log(`      ${error}`);
    }
    const failed = checks.filter((check) => check.status === "failed").length;
    return { label, passed: checks.length - failed, failed, seconds: Math.round((Date.now() - started) / 1000) };
}

async function runDatabase(series, shape) {
    const label = `Odoo ${series.name}, ${shape} shape`;
    const db = `iot_https_${series.name.replace(".", "")}_${shape}_${process.pid}`;
    const started = Date.now();
    console.log(`\n— ${label} (database ${db})`);
    const args = [
        ...odooArgs(series, shape, work, db, await freePort()),
        "-i", "iot_https_certificate",
        "--test-enable", "--test-tags", "/iot_https_certificate",
        "--stop-after-init",
    ];
    const log = await startOdoo(args, join(work, `home-${db}`), { echo: Boolean(process.env.ODOO_LOG) }).done;
    dropDatabase(db);
    const seconds = Math.round((Date.now() - started) / 1000);
    // Odoo's own closing line: "N failed, N error(s) of N tests when loading database".
    const summary = /(\d+) failed, (\d+) error\(s\) of (\d+) tests/.exec(log);
    const problems = log.split("\n").filter((line) => / (ERROR|CRITICAL) /.test(line) || /^(FAIL|ERROR): /.test(line));
    const installed = /Modules loaded|modules loaded/i.test(log) && !/Failed to load registry|Failed to initialize database/.test(log);
    for (const line of problems.slice(0, 30)) console.log(`  ✗ ${line.slice(0, 400)}`);
    // What each failure said: the last line of its traceback (the assertion or the error).
    for (const block of log.split(/\n(?=\d{4}-\d{2}-\d{2} )/).filter((b) => / (FAIL|ERROR): /.test(b.split("\n")[0]))) {
        const said = block.trim().split("\n").filter((line) => /^\w*(Error|Exception)\b/.test(line)).at(-1);
        if (said) console.log(`      ${said.slice(0, 400)}`);
    }
    if (!summary) {
        console.log(`  ✗ no test summary from Odoo; last lines:\n${log.split("\n").slice(-15).join("\n")}`);
        return { label, passed: 0, failed: 1, seconds };
    }
    // A skipped test proved nothing: it counts as failed (e.g. the browser tests without websocket-client).
    const skipped = log.split("\n").filter((line) => /: skipped \w+\.\w+/.test(line));
    for (const line of skipped) console.log(`  ✗ ${line.replace(/^.*?: skipped /, "skipped: ")}`);
    const [tests, failures] = [Number(summary[3]), Number(summary[1]) + Number(summary[2]) + skipped.length];
    // The install counts as one test: every view of the add-on loaded on this shape.
    const installFailed = !installed || (problems.length > 0 && failures === 0) ? 1 : 0;
    console.log(`  install ${installFailed ? "failed" : "ok"}; Odoo ran ${tests} tests, ${failures} failed`);
    return { label, passed: tests - failures + (1 - installFailed), failed: failures + installFailed, seconds };
}
