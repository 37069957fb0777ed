// Running real Odoo Community servers here: the Debian packages they need, PostgreSQL, the
// add-on on an addons path, one Odoo process. Shared by test:odoo, bench:odoo and screenshots.
import { spawn, spawnSync } from "node:child_process";
import { launch } from "./chromium.mjs";
import { cpSync, mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const ROOT = resolve(".");
export const PYTHON = "/usr/bin/python3"; // Debian's, with Odoo's dependencies (README, "Tests inside real Odoo")
export const SERIES = [
    { name: "17.0", src: process.env.ODOO17_SRC, shapes: ["iot_17", "iot_19_on_17"], extra: ["--without-demo=all"] },
    { name: "18.0", src: process.env.ODOO18_SRC, shapes: ["iot_17_on_18", "iot_saas18"], extra: ["--without-demo=all"] },
    { name: "19.0", src: process.env.ODOO19_SRC, shapes: ["iot_19"], extra: [] },
];

/** The series whose source tree is given. */
export const givenSeries = () => SERIES.filter((series) => series.src);

/**
 * A scratch folder holding the add-on under its Odoo name, whatever the repository is called:
 * a copy taken now, so a run measures the tree as it was when it started, whatever is edited
 * or rebuilt meanwhile.
 */
export function addonFolder() {
    const work = mkdtempSync(join(tmpdir(), "iot-https-odoo-"));
    const skip = new Set(["node_modules", ".git", ".tmp", "docs", "dev"].map((name) => join(ROOT, name)));
    cpSync(ROOT, join(work, "iot_https_certificate"), { recursive: true, filter: (source) => !skip.has(source) });
    return work;
}

/** Odoo's command line for `series` on stand-in `shape`, with the add-on in `work`. */
export function odooArgs(series, shape, work, db, port) {
    return [
        join(series.src, "odoo-bin"),
        `--addons-path=${[join(series.src, "addons"), join(series.src, "odoo/addons"), join(ROOT, "tests/odoo", shape), work].join(",")}`,
        `--data-dir=${join(work, "data")}`,
        "-d", db,
        "--http-interface=127.0.0.1", `--http-port=${port}`,
        "--max-cron-threads=0", "--workers=0",
        ...series.extra,
    ];
}

/**
 * Starts Odoo; `log()` gives what it printed so far, `done` resolves when it exits. `input` is
 * written to its standard input (the `shell` command reads Python there).
 */
export function startOdoo(args, home, { echo = false, input } = {}) {
    // A throwaway HOME: Odoo's test browser writes its profile there.
    const child = spawn(PYTHON, args, { env: { ...process.env, HOME: home }, stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"] });
    if (input !== undefined) child.stdin.end(input);
    let log = "";
    const keep = (chunk) => {
        log += chunk;
        if (echo) process.stderr.write(chunk);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    const done = new Promise((resolveDone) => child.on("close", () => resolveDone(log)));
    return { child, done, log: () => log };
}

export function dropDatabase(db) {
    spawnSync("dropdb", ["--if-exists", db], { stdio: "ignore" });
}

/**
 * Odoo's Python dependencies are Debian packages: those the tree's debian/control names, plus
 * what Odoo needs on Debian 12 beyond them, plus websocket-client
 * for Odoo's browser tests. Installs the missing ones.
 */
export function ensureDebianPackages(seriesList) {
    // nginx and the box's own libraries: the real box software runs beside each tree
    // (tests/real_box).
    const wanted = new Set(["postgresql", "chromium", "python3-websocket", "nginx-light", "python3-netifaces", "python3-schedule", "libnss3-tools"]);
    for (const series of seriesList) {
        const control = spawnSync("sed", ["-n", "/^Depends:/,/^[A-Z][a-z-]*:/p", join(series.src, "debian/control")], { encoding: "utf8" }).stdout;
        for (const name of control.match(/python3-[a-z0-9.-]+/g) ?? []) wanted.add(name);
        // 18.0 runs with 17.0's set.
        const extra = series.name === "19.0" ? ["python3-magic", "python3-cbor2"] : ["python3-ldap", "python3-xlwt", "python3-serial", "python3-usb"];
        extra.forEach((name) => wanted.add(name));
    }
    // Not in Debian 12; lxml 4.9 still has lxml.html.clean.
    wanted.delete("python3-lxml-html-clean");
    const missing = [...wanted].filter((name) => spawnSync("dpkg", ["-s", name], { stdio: "ignore" }).status !== 0);
    if (!missing.length) return;
    console.error(`Installing ${missing.length} Debian packages Odoo needs (apt-get)…`);
    const sudo = process.getuid?.() === 0 ? "" : "sudo ";
    // Debian starts nginx on 0.0.0.0:80 when it installs it: a policy-rc.d that refuses every
    // service start keeps it stopped; the real-box front runs its own nginx on loopback only.
    const policy = "/usr/sbin/policy-rc.d";
    const noStart = `[ -e ${policy} ] || { printf '#!/bin/sh\\nexit 101\\n' | ${sudo}tee ${policy} >/dev/null && ${sudo}chmod +x ${policy} && trap '${sudo}rm -f ${policy}' EXIT; }`;
    spawnSync("sh", ["-c", `${noStart}; ${sudo}apt-get update -qq && DEBIAN_FRONTEND=noninteractive ${sudo}apt-get install -y -qq --no-install-recommends ${missing.join(" ")}`], { stdio: ["ignore", 2, 2] });
}

export function ensurePostgres() {
    if (spawnSync("psql", ["-d", "postgres", "-Atc", "select 1"], { stdio: "ignore" }).status === 0) return;
    const sudo = process.getuid?.() === 0 ? [] : ["sudo"];
    const run = (cmd) => spawnSync(sudo.length ? "sudo" : cmd[0], sudo.length ? cmd : cmd.slice(1), { stdio: "inherit" });
    const cluster = spawnSync("pg_lsclusters", ["-h"], { encoding: "utf8" }).stdout.trim().split(/\s+/);
    run(["pg_ctlcluster", cluster[0] || "15", cluster[1] || "main", "start"]);
    spawnSync("su", ["postgres", "-c", `createuser -s ${process.env.USER || "root"}`], { stdio: "ignore" });
}

export function freePort() {
    return new Promise((done) => {
        const server = createServer().listen(0, "127.0.0.1", () => {
            const { port } = server.address();
            server.close(() => done(port));
        });
    });
}

/**
 * A throwaway database on `shape` with the add-on installed, seeded by `seedPython` (run in
 * `odoo-bin shell`, as admin made an IoT administrator; it prints `SEED <json>`), its server
 * started, and Chromium logged in as admin on the web client. Returns the page, the seed's
 * JSON, the server's log, and `close()`.
 */
export async function openOdoo({ series, shape, work, seedPython, chromiumArgs = [], trustCa, allowHost = () => false }) {
    const db = `iot_https_${series.name.replace(".", "")}_${shape}_${process.pid}`;
    const home = join(work, `home-${db}`);
    const [bin, ...options] = odooArgs(series, shape, work, db, await freePort());
    const install = await startOdoo([bin, ...options, "-i", "iot_https_certificate", "--stop-after-init"], home).done;
    if (!/modules loaded/i.test(install)) throw new Error(`install failed:\n${install.split("\n").slice(-20).join("\n")}`);
    const admin = `groups_field = "group_ids" if "group_ids" in env["res.users"]._fields else "groups_id"
env.ref("base.user_admin").write({groups_field: [(4, env.ref("iot.group_iot_admin").id)]})
env.cr.commit()
`;
    const shellOptions = options.filter((option) => !option.startsWith("--http"));
    const shellLog = await startOdoo([bin, "shell", ...shellOptions], home, { input: admin + seedPython }).done;
    const line = /^SEED (\{.*\})$/m.exec(shellLog);
    if (!line) throw new Error(`seeding failed:\n${shellLog.split("\n").slice(-20).join("\n")}`);
    const port = await freePort();
    const server = startOdoo(odooArgs(series, shape, work, db, port), home);
    const browser = await launch(chromiumArgs, { trustCa });
    const close = async () => {
        await browser.close();
        server.child.kill();
        await server.done;
        dropDatabase(db);
    };
    try {
        await waitForServer(port);
        const page = await browser.context.newPage();
        // Only Odoo itself, and what the caller allows (simulated boxes), is reached.
        await browser.context.route((url) => url.hostname !== "127.0.0.1" && !allowHost(url.hostname), (route) => route.abort());
        await logIn(page, `http://127.0.0.1:${port}`, "admin", "admin");
        await page.waitForSelector(".o_action_manager", { timeout: 120_000 });
        // A freshly started 17.0 on Python 3.11 may fail its first asset requests (a threading
        // race: "AST constructor recursion depth mismatch"); a second load is served whole.
        await page.reload();
        await page.waitForSelector(".o_action_manager", { timeout: 120_000 });
        await page.waitForFunction(() => window.odoo?.__WOWL_DEBUG__?.root, null, { timeout: 120_000 });
        return { page, port, seeded: JSON.parse(line[1]), browser, log: server.log, close };
    } catch (error) {
        const said = server.log().split("\n").filter((l) => / (ERROR|CRITICAL) /.test(l) || /Error|Traceback/.test(l));
        await close();
        throw new Error(`${error.message.split("\n")[0]}; the server said:\n${said.slice(-15).join("\n")}`);
    }
}

/** Logs `page` in to the Odoo at `base` through its login form. */
export async function logIn(page, base, login, password) {
    await page.goto(`${base}/web/login`);
    await page.fill("input[name=login]", login);
    await page.fill("input[name=password]", password);
    await Promise.all([page.waitForURL(/\/(web|odoo)(\?|#|$|\/)/, { timeout: 120_000 }), page.click("button[type=submit]")]);
}

/** `<model>.<method>(*args)` through the web client's JSON-RPC route, as `page`'s user. */
export function callKw(page, model, method, args) {
    return page.evaluate(async ({ model, method, args }) => {
        const answer = await fetch(`/web/dataset/call_kw/${model}/${method}`, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ jsonrpc: "2.0", method: "call", params: { model, method, args, kwargs: {} } }),
        });
        const json = await answer.json();
        if (json.error) throw new Error(json.error.data?.message ?? json.error.message);
        return json.result;
    }, { model, method, args });
}

/** The IoT boxes action in a view type, by URL (the URL scheme changed in 18.0). */
export function iotBoxesUrl(series, port, viewType) {
    return series.name === "17.0"
        ? `http://127.0.0.1:${port}/web#action=iot.iot_box_action&view_type=${viewType}`
        : `http://127.0.0.1:${port}/odoo/action-iot.iot_box_action?view_type=${viewType}`;
}

async function waitForServer(port) {
    for (let i = 0; i < 600; i++) {
        try {
            if ((await fetch(`http://127.0.0.1:${port}/web/login`)).ok) return;
        } catch {
            // not up yet
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error("Odoo did not start");
}
