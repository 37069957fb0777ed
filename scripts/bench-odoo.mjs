// `npm run bench:odoo`: the IoT box list of 1,000 boxes on one page, in the real Odoo web client,
// with the add-on's two columns and without them (the same list, its base arch alone), the box
// probes stopped: main-thread time from opening the view to the rows rendered, the median of 5
// loads each way, alternated in one run. One line per tree given (ODOO17_SRC, ODOO18_SRC, ODOO19_SRC).
import { rmSync } from "node:fs";
import { addonFolder, ensureDebianPackages, ensurePostgres, givenSeries, openOdoo } from "./odoo.mjs";

const BOXES = 1000;
const LOADS = 5;

if (!givenSeries().length) {
    console.log("bench:odoo: nothing run: set ODOO17_SRC, ODOO18_SRC and/or ODOO19_SRC to an Odoo Community source tree");
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
Box = env["iot.box"]
Box.create([{"name": f"Box {n}", "identifier": f"b8:27:eb:{n:06x}", "ip": f"10-77-{n // 250}-{n % 250 + 1}.bench.odoo-iot.com", "version": "24.10"} for n in range(${count})])
base = env.ref("iot.iot_box_view_list")
plain = env["ir.ui.view"].create({"name": "iot.box.list.bench.plain", "model": "iot.box", "arch": base.arch_db, "mode": "primary", "priority": 99})
mode = "list" if "list" in dict(env["ir.actions.act_window.view"]._fields["view_mode"].selection) else "tree"
make = lambda name, view: env["ir.actions.act_window"].create({"name": name, "res_model": "iot.box", "view_mode": mode, "view_id": view.id, "limit": ${count}}).id
empty = env["ir.actions.act_window"].create({"name": "Devices", "res_model": "iot.device", "view_mode": mode}).id
env.cr.commit()
print("SEED " + json.dumps({"with": make("Boxes with the add-on", base), "without": make("Boxes without", plain), "empty": empty}))
env.cr.commit()
`;
}

async function benchSeries(series, shape) {
    const odoo = await openOdoo({ series, shape, work, seedPython: seedScript(BOXES) });
    const { page, seeded, browser } = odoo;
    try {
        page.on("console", (message) => message.type() === "error" && console.error(`  page: ${message.text().slice(0, 600)}`));
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
        console.error(`bench odoo-${series.name}: failed (${error.message.split("\n")[0]})`);
        process.exitCode = 1;
    } finally {
        await odoo.close();
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

function median(values) {
    return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}
