// `npm run bench:odoo`: the IoT box list of 1,000 boxes on one page, in the real Odoo web client,
// with the add-on's two columns and without them (the same list, its base arch alone), the box
// probes stopped: main-thread time from opening the view to the rows rendered, the median of 5
// loads each way, alternated in one run. One line per tree given (ODOO17_SRC, ODOO19_SRC).
import { rmSync } from "node:fs";
import { join } from "node:path";
import { launch } from "./chromium.mjs";
import { addonFolder, dropDatabase, ensureDebianPackages, ensurePostgres, freePort, givenSeries, odooArgs, startOdoo } from "./odoo.mjs";

const BOXES = 1000;
const LOADS = 5;

if (!givenSeries().length) {
    console.log("bench:odoo: nothing run: set ODOO17_SRC and/or ODOO19_SRC to an Odoo Community source tree");
    process.exit(2);
}
ensureDebianPackages(givenSeries());
ensurePostgres();
const work = addonFolder();
try {
    for (const series of givenSeries()) await benchSeries(series, series.shapes[0]);
} finally {
    rmSync(work, { recursive: true, force: true });
}

/** Boxes, and two actions on the box list: the add-on's view, and the same list without it. */
function seedScript(count) {
    return `
import json
groups_field = "group_ids" if "group_ids" in env["res.users"]._fields else "groups_id"
env.ref("base.user_admin").write({groups_field: [(4, env.ref("iot.group_iot_admin").id)]})
Box = env["iot.box"]
Box.create([{"name": f"Box {n}", "identifier": f"b8:27:eb:{n:06x}", "ip": f"10-77-{n // 250}-{n % 250 + 1}.bench.odoo-iot.com", "version": "24.10"} for n in range(${count})])
base = env.ref("iot.iot_box_view_list")
plain = env["ir.ui.view"].create({"name": "iot.box.list.bench.plain", "model": "iot.box", "arch": base.arch_db, "mode": "primary", "priority": 99})
mode = "list" if "list" in dict(env["ir.actions.act_window.view"]._fields["view_mode"].selection) else "tree"
make = lambda name, view: env["ir.actions.act_window"].create({"name": name, "res_model": "iot.box", "view_mode": mode, "view_id": view.id, "limit": ${count}}).id
empty = env["ir.actions.act_window"].create({"name": "Devices", "res_model": "iot.device", "view_mode": mode}).id
env.cr.commit()
print("BENCH " + json.dumps({"with": make("Boxes with the add-on", base), "without": make("Boxes without", plain), "empty": empty}))
env.cr.commit()
`;
}

async function benchSeries(series, shape) {
    const db = `iot_https_bench_${series.name.replace(".", "")}_${process.pid}`;
    const home = join(work, `home-${db}`);
    const install = await startOdoo([...odooArgs(series, shape, work, db, await freePort()), "-i", "iot_https_certificate", "--stop-after-init"], home).done;
    if (!/modules loaded/i.test(install)) throw new Error(`install failed:\n${install.split("\n").slice(-20).join("\n")}`);
    const seeded = await seed(series, shape, db, home);
    const port = await freePort();
    const server = startOdoo(odooArgs(series, shape, work, db, port), home);
    const browser = await launch();
    try {
        await waitForServer(port);
        const page = await browser.context.newPage();
        page.on("console", (message) => message.type() === "error" && console.error(`  page: ${message.text().slice(0, 600)}`));
        // Nothing leaves the machine; the box probes never start (see stopProbes).
        await browser.context.route((url) => url.hostname !== "127.0.0.1", (route) => route.abort());
        await page.goto(`http://127.0.0.1:${port}/web/login`);
        await page.fill("input[name=login]", "admin");
        await page.fill("input[name=password]", "admin");
        await Promise.all([page.waitForURL(/\/(web|odoo)(\?|#|$|\/)/, { timeout: 120_000 }), page.click("button[type=submit]")]);
        await page.waitForSelector(".o_action_manager", { timeout: 120_000 });
        // A freshly started 17.0 on Python 3.11 may fail its first asset requests (a threading
        // race: "AST constructor recursion depth mismatch"); a second load is served whole.
        await page.reload();
        await page.waitForSelector(".o_action_manager", { timeout: 120_000 });
        await page.waitForFunction(() => window.odoo?.__WOWL_DEBUG__?.root, null, { timeout: 120_000 });
        await page.evaluate(stopProbes);
        const cdp = await browser.context.newCDPSession(page);
        await cdp.send("Performance.enable");
        const busy = async () => (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "TaskDuration").value;
        const doAction = async (id) => {
            const failure = await page.evaluate(async (id) => {
                try {
                    await odoo.__WOWL_DEBUG__.root.env.services.action.doAction(id, { clearBreadcrumbs: true });
                } catch (error) {
                    return String(error.cause?.stack ?? error.cause ?? error.stack ?? error).slice(0, 1500);
                }
            }, id);
            if (failure) throw new Error(`action ${id}: ${failure}`);
        };
        const open = async (action) => {
            await doAction(seeded.empty);
            await page.waitForSelector(".o_list_view");
            const before = await busy();
            await doAction(action);
            await page.waitForFunction((n) => document.querySelectorAll(".o_list_view .o_data_row").length === n, BOXES, { timeout: 120_000, polling: "raf" });
            return (await busy() - before) * 1000;
        };
        await open(seeded.with); // warm-up: templates compiled, assets cached
        await open(seeded.without);
        const runs = { with: [], without: [] };
        for (let i = 0; i < LOADS; i++) {
            runs.with.push(await open(seeded.with));
            runs.without.push(await open(seeded.without));
        }
        const withMs = median(runs.with);
        const withoutMs = median(runs.without);
        console.log(
            `bench odoo-${series.name}-list-1000-boxes: ${withMs.toFixed(0)} ms (without the add-on's columns ${withoutMs.toFixed(0)} ms, ` +
                `ratio ${(withMs / withoutMs).toFixed(2)}×, goal ≤ 1.3×; main-thread time, median of ${LOADS} alternated loads; ` +
                `with: ${runs.with.map((v) => v.toFixed(0)).join(", ")}; without: ${runs.without.map((v) => v.toFixed(0)).join(", ")})`
        );
    } catch (error) {
        const errors = server.log().split("\n").filter((line) => / (ERROR|CRITICAL) /.test(line) || /Error|Traceback/.test(line));
        console.error(`bench odoo-${series.name}: failed (${error.message.split("\n")[0]}); the server said:\n${errors.slice(-15).join("\n")}`);
        process.exitCode = 1;
    } finally {
        await browser.close();
        server.child.kill();
        await server.done;
        dropDatabase(db);
    }
}

/**
 * In the page: the status store schedules no probe while the page is hidden, so the page says
 * it is; and a box request that still left would never settle. Nothing but rendering is measured.
 */
function stopProbes() {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" });
    const { browser } = odoo.loader.modules.get("@web/core/browser/browser");
    const fetch = browser.fetch;
    browser.fetch = (input, init) => (String(input).startsWith(location.origin) || String(input).startsWith("/") ? fetch(input, init) : new Promise(() => {}));
}

/** Runs SEED in `odoo-bin shell` and returns the action ids it printed. */
async function seed(series, shape, db, home) {
    const [bin, ...options] = odooArgs(series, shape, work, db, await freePort());
    const log = await startOdoo([bin, "shell", ...options.filter((option) => !option.startsWith("--http"))], home, { input: seedScript(BOXES) }).done;
    const line = /^BENCH (\{.*\})$/m.exec(log);
    if (!line) throw new Error(`seeding failed:\n${log.split("\n").slice(-20).join("\n")}`);
    return JSON.parse(line[1]);
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

function median(values) {
    return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}
