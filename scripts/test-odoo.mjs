// `npm run test:odoo`: the add-on inside real Odoo. For each Odoo Community tree given
// (ODOO17_SRC, ODOO19_SRC) and each stand-in IoT shape that series loads (tests/odoo/), it
// makes a throwaway database, installs the stand-in `iot` and the add-on, and runs Odoo's own
// test runner on the add-on (its Python tests, the QUnit suite on Odoo's test page, the UI
// check). It ends with `N passed, N failed` over all databases; with no tree it runs nothing
// and exits 2.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(".");
const PYTHON = "/usr/bin/python3"; // Debian's, with Odoo's dependencies (README, "Tests in real Odoo")
const SERIES = [
    { name: "17.0", src: process.env.ODOO17_SRC, shapes: ["iot_17", "iot_19_on_17"], extra: ["--without-demo=all"] },
    { name: "19.0", src: process.env.ODOO19_SRC, shapes: ["iot_19"], extra: [] },
];

const runs = SERIES.filter((series) => series.src).flatMap((series) => series.shapes.map((shape) => ({ series, shape })));
if (!runs.length) {
    console.log("test:odoo: nothing run: set ODOO17_SRC and/or ODOO19_SRC to an Odoo Community source tree");
    process.exit(2);
}

ensureDebianPackages(runs.map(({ series }) => series));
ensurePostgres();
// Odoo finds an add-on by its folder's name: the repository, whatever it is called, as iot_https_certificate.
const work = mkdtempSync(join(tmpdir(), "iot-https-odoo-"));
symlinkSync(ROOT, join(work, "iot_https_certificate"));

const results = [];
try {
    for (const { series, shape } of runs) results.push(await runDatabase(series, shape));
} finally {
    rmSync(work, { recursive: true, force: true });
}

console.log("");
for (const r of results) console.log(`  ${r.label}: ${r.passed} passed, ${r.failed} failed (${r.seconds} s)`);
const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

async function runDatabase(series, shape) {
    const label = `Odoo ${series.name}, ${shape} shape`;
    const db = `iot_https_${series.name.replace(".", "")}_${shape}_${process.pid}`;
    const started = Date.now();
    console.log(`\n— ${label} (database ${db})`);
    const args = [
        join(series.src, "odoo-bin"),
        `--addons-path=${[join(series.src, "addons"), join(series.src, "odoo/addons"), join(ROOT, "tests/odoo", shape), work].join(",")}`,
        `--data-dir=${join(work, "data")}`,
        "-d", db,
        "-i", "iot_https_certificate",
        "--test-enable", "--test-tags", "/iot_https_certificate",
        "--stop-after-init",
        "--http-interface=127.0.0.1", `--http-port=${await freePort()}`,
        "--max-cron-threads=0", "--workers=0",
        ...series.extra,
    ];
    const log = await runOdoo(args, join(work, `home-${db}`));
    spawnSync("dropdb", ["--if-exists", db], { stdio: "ignore" });
    const seconds = Math.round((Date.now() - started) / 1000);
    // Odoo's own closing line: "N failed, N error(s) of N tests when loading database".
    const summary = /(\d+) failed, (\d+) error\(s\) of (\d+) tests/.exec(log);
    const problems = log.split("\n").filter((line) => / (ERROR|CRITICAL) /.test(line) || /^(FAIL|ERROR): /.test(line));
    const installed = /Modules loaded|modules loaded/i.test(log) && !/Failed to load registry|Failed to initialize database/.test(log);
    for (const line of problems.slice(0, 30)) console.log(`  ✗ ${line.slice(0, 400)}`);
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

function runOdoo(args, home) {
    return new Promise((done) => {
        // A throwaway HOME: Odoo's test browser writes its profile there.
        const child = spawn(PYTHON, args, { env: { ...process.env, HOME: home }, stdio: ["ignore", "pipe", "pipe"] });
        let log = "";
        const keep = (chunk) => {
            log += chunk;
            if (process.env.ODOO_LOG) process.stderr.write(chunk);
        };
        child.stdout.on("data", keep);
        child.stderr.on("data", keep);
        child.on("close", () => done(log));
    });
}

/**
 * Odoo's Python dependencies are Debian packages: those the tree's debian/control names, plus
 * what this machine kind was measured to need (shared tooling facts), plus websocket-client
 * for Odoo's browser tests. Installs the missing ones.
 */
function ensureDebianPackages(seriesList) {
    const wanted = new Set(["postgresql", "chromium", "python3-websocket"]);
    for (const series of seriesList) {
        const control = spawnSync("sed", ["-n", "/^Depends:/,/^[A-Z][a-z-]*:/p", join(series.src, "debian/control")], { encoding: "utf8" }).stdout;
        for (const name of control.match(/python3-[a-z0-9.-]+/g) ?? []) wanted.add(name);
        const extra = series.name === "17.0" ? ["python3-ldap", "python3-xlwt", "python3-serial", "python3-usb"] : ["python3-magic"];
        extra.forEach((name) => wanted.add(name));
    }
    // Not in Debian 12; lxml 4.9 still has lxml.html.clean.
    wanted.delete("python3-lxml-html-clean");
    const missing = [...wanted].filter((name) => spawnSync("dpkg", ["-s", name], { stdio: "ignore" }).status !== 0);
    if (!missing.length) return;
    console.error(`Installing ${missing.length} Debian packages Odoo needs (apt-get)…`);
    const sudo = process.getuid?.() === 0 ? "" : "sudo ";
    spawnSync("sh", ["-c", `${sudo}apt-get update -qq && DEBIAN_FRONTEND=noninteractive ${sudo}apt-get install -y -qq --no-install-recommends ${missing.join(" ")}`], { stdio: ["ignore", 2, 2] });
}

function ensurePostgres() {
    if (spawnSync("psql", ["-d", "postgres", "-Atc", "select 1"], { stdio: "ignore" }).status === 0) return;
    const sudo = process.getuid?.() === 0 ? [] : ["sudo"];
    const run = (cmd) => spawnSync(sudo.length ? "sudo" : cmd[0], sudo.length ? cmd : cmd.slice(1), { stdio: "inherit" });
    const cluster = spawnSync("pg_lsclusters", ["-h"], { encoding: "utf8" }).stdout.trim().split(/\s+/);
    run(["pg_ctlcluster", cluster[0] || "15", cluster[1] || "main", "start"]);
    spawnSync("su", ["postgres", "-c", `createuser -s ${process.env.USER || "root"}`], { stdio: "ignore" });
}

function freePort() {
    return new Promise((done) => {
        const server = createServer().listen(0, "127.0.0.1", () => {
            const { port } = server.address();
            server.close(() => done(port));
        });
    });
}
