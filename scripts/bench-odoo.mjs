// `npm run bench:odoo`: the IoT box list of 1,000 boxes on one page, in the real Odoo web client,
// the box probes stopped: main-thread time from opening the view to the rows rendered, 11 loads
// of each list, alternated in one run, median and interquartile range. The lists:
// - alone: the IoT app's list (its base arch);
// - odoo: that list plus two columns of Odoo's own widgets (`url` on `ip`, `badge` on a selection);
// - add-on: the list as the add-on makes it (its two columns, its js_class and fleet summary);
// - no summary: the add-on's list without its js_class (the summary's share of the add-on's time).
// Per-row ratio = (add-on − alone) / (odoo − alone). Two more lists say what a column costs for
// what it draws, whoever draws it:
// - odoo, a word per row: Odoo's two widgets again, the badge on a field every box has, so it
//   draws a pill in every row as the add-on's badge draws a word;
// - static: the add-on's two columns drawn by two widgets with no logic (bench_static_*), which
//   render the exact elements the add-on's widgets render for these boxes (checked on a row).
// One block per tree given. BENCH_TRACE=1 adds a Chromium trace of one load of each list,
// BENCH_PROFILE=<n> a CPU profile of 3 loads of each.
import { rmSync } from "node:fs";
import { addonFolder, ensureDebianPackages, ensurePostgres, givenSeries, openOdoo } from "./odoo.mjs";
import { firstRowDrawing, registerStaticWidgets, staticColumnRoom } from "./bench_static_widgets.mjs";
import { traceSelfTimes } from "./trace.mjs";

const BOXES = 1000;
const LOADS = 11;

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

/** Boxes, and one action per list (see the file's header). */
function seedScript(count) {
    return `
import json
Box = env["iot.box"]
Box.create([{"name": f"Box {n}", "identifier": f"b8:27:eb:{n:06x}", "ip": f"10-77-{n // 250}-{n % 250 + 1}.bench.odoo-iot.com", "version": "24.10"} for n in range(${count})])
base = env.ref("iot.iot_box_view_list")
View = env["ir.ui.view"]
list_type = "list" if "list" in dict(View._fields["type"].selection) else "tree"
primary = lambda name, arch: View.create({"name": name, "model": "iot.box", "arch": arch, "mode": "primary", "priority": 99})
plain = primary("iot.box.list.bench.plain", base.arch_db)
# Odoo's own widgets, two columns on the same list: a url and a badge with decorations.
odoo_widgets = View.create({"name": "iot.box.list.bench.odoo", "model": "iot.box", "inherit_id": plain.id, "arch": """<xpath expr="//field[@name='identifier']" position="after">
    <field name="ip" widget="url" string="HTTPS address"/>
    <field name="https_certificate_state" widget="badge" string="Certificate" decoration-success="https_certificate_state == 'ok'" decoration-warning="https_certificate_state == 'renewal_due'" decoration-danger="https_certificate_state in ('expired', 'error')"/>
</xpath>"""})
odoo_list = primary("iot.box.list.bench.odoo.primary", env["iot.box"].get_view(odoo_widgets.id, list_type)["arch"])
odoo_widgets.active = False  # the list alone stays alone
combined = env["iot.box"].get_view(base.id, list_type)["arch"]
no_summary = primary("iot.box.list.bench.nosummary", combined.replace('js_class="iot_https_certificate_box_list"', ""))
assert no_summary.arch_db.count('widget="iot_https_certificate_') == 2 and odoo_list.arch_db.count("https_certificate_state") == 4
static = primary("iot.box.list.bench.static", no_summary.arch_db.replace('widget="iot_https_certificate_', 'widget="bench_static_'))
odoo_words = primary("iot.box.list.bench.odoowords", odoo_list.arch_db.replace("https_certificate_state", "version"))
mode = "list" if "list" in dict(env["ir.actions.act_window.view"]._fields["view_mode"].selection) else "tree"
make = lambda name, view: env["ir.actions.act_window"].create({"name": name, "res_model": "iot.box", "view_mode": mode, "view_id": view.id, "limit": ${count}}).id
empty = env["ir.actions.act_window"].create({"name": "Devices", "res_model": "iot.device", "view_mode": mode}).id
env.cr.commit()
print("SEED " + json.dumps({"addon": make("Boxes with the add-on", base), "alone": make("Boxes alone", plain), "odoo": make("Boxes with Odoo's widgets", odoo_list), "nosummary": make("Boxes without the summary", no_summary), "odoowords": make("Boxes with Odoo's widgets, a word per row", odoo_words), "static": make("Boxes with the add-on's elements, no logic", static), "empty": empty}))
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
        // `observe` wraps the measured part alone (a trace, a profile), never the preparation.
        const open = async (action, observe = (load) => load()) => {
            await doAction(seeded.empty);
            await page.waitForSelector(".o_list_view");
            // The garbage the previous lists left is collected before, not during, this one.
            await cdp.send("HeapProfiler.collectGarbage");
            const before = await busy();
            await observe(async () => {
                await doAction(action);
                await page.waitForFunction((n) => document.querySelectorAll(".o_list_view .o_data_row").length === n, BOXES, { timeout: 120_000, polling: "raf" });
            });
            return (await busy() - before) * 1000;
        };
        const lists = ["alone", "odoo", "addon", "nosummary", "odoowords", "static"];
        // Warm-up: templates compiled, assets cached; and what each list's rows draw.
        const drawn = {};
        let badge;
        for (const list of lists) {
            if (list === "static") await page.evaluate(registerStaticWidgets, { badge, columnRoom: staticColumnRoom() });
            await open(seeded[list]);
            drawn[list] = await page.evaluate(firstRowDrawing);
            if (list === "addon") badge = await page.$eval(".o_data_row .o_iot_https_badge", (el) => ({ title: el.title, label: el.textContent }));
        }
        if (JSON.stringify(drawn.static.cells) !== JSON.stringify(drawn.addon.cells)) {
            throw new Error(`the static widgets do not draw what the add-on draws: ${JSON.stringify(drawn.static.cells)} against ${JSON.stringify(drawn.addon.cells)}`);
        }
        const runs = Object.fromEntries(lists.map((list) => [list, []]));
        for (let i = 0; i < LOADS; i++) for (const list of lists) runs[list].push(await open(seeded[list]));
        const t = Object.fromEntries(lists.map((list) => [list, median(runs[list])]));
        const perRow = (ms) => (ms - t.alone) / BOXES;
        const ratioOf = (list) => (t[list] - t.alone) / (t.odoo - t.alone);
        const ratio = ratioOf("addon");
        const show = (list) => `${t[list].toFixed(0)} ms (IQR ${iqr(runs[list]).map((v) => v.toFixed(0)).join("–")}), ${drawn[list].elements} elements per row`;
        console.log(`bench odoo-${series.name}-list-1000-boxes, main-thread time from the action to the rows, median of ${LOADS} alternated loads:`);
        console.log(`  the IoT list alone:                ${show("alone")}`);
        console.log(`  plus Odoo's url and badge widgets: ${show("odoo")}, ${(perRow(t.odoo) * 1000).toFixed(0)} µs per row`);
        console.log(`  the add-on's list:                 ${show("addon")}, ${(perRow(t.addon) * 1000).toFixed(0)} µs per row`);
        console.log(`  the add-on's list, no summary:     ${show("nosummary")}; the summary's share of the add-on's time: ${(((t.addon - t.nosummary) / t.addon) * 100).toFixed(1)} %`);
        console.log(`  per-row ratio (add-on − alone) / (Odoo's widgets − alone): ${ratio.toFixed(2)} (goal ≤ 1.0); add-on / alone ${(t.addon / t.alone).toFixed(2)}×`);
        console.log(`  what a column costs for what it draws, against the same Odoo's widgets (per-row ratio):`);
        console.log(`    Odoo's widgets, a word per row:  ${show("odoowords")}, ${ratioOf("odoowords").toFixed(2)}`);
        console.log(`    the add-on's elements, no logic: ${show("static")}, ${ratioOf("static").toFixed(2)}; the add-on's logic: ${(((t.nosummary - t.static) / BOXES) * 1000).toFixed(0)} µs per row`);
        if (process.env.BENCH_TRACE) await trace(cdp, lists, (list, observe) => open(seeded[list], observe), Number(process.env.BENCH_TRACE) || 14);
        if (process.env.BENCH_PROFILE) await profile(cdp, lists, (list, observe) => open(seeded[list], observe), Number(process.env.BENCH_PROFILE) || 25);
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

/**
 * Which functions the lists spend their time in: a CPU profile (100 µs sampling) of 3 loads of
 * each list, self time per load, the top `top` functions of the add-on's list.
 */
async function profile(cdp, lists, load, top) {
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
    const times = {};
    for (const list of lists) {
        const self = (times[list] = new Map());
        for (let i = 0; i < 3; i++) {
            let profile;
            await load(list, async (run) => {
                await cdp.send("Profiler.start");
                await run();
                ({ profile } = await cdp.send("Profiler.stop"));
            });
            const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
            profile.samples.forEach((id, index) => {
                const { functionName, url, lineNumber } = nodes.get(id).callFrame;
                const key = `${functionName || "(anonymous)"} ${url.split("/").pop()}:${lineNumber + 1}`;
                self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[index] ?? 0) / 3000);
            });
        }
    }
    printColumns("CPU profile, self time per function (ms per load, mean of 3)", times, lists, top);
}

/** One line per name, the add-on's `top` first, one column per list. */
function printColumns(title, times, lists, top) {
    const names = [...times.addon].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name]) => name);
    console.log(`  ${title}:`);
    console.log(`    ${"".padEnd(44)}${lists.map((list) => list.padStart(10)).join("")}`);
    for (const name of names) console.log(`    ${name.slice(0, 43).padEnd(44)}${lists.map((list) => (times[list].get(name) ?? 0).toFixed(0).padStart(10)).join("")}`);
}

/**
 * Where the main thread's time goes, list by list: one traced load of each, self time per trace
 * event (script, style, layout, paint, GC), the top `top` events of the add-on's list.
 */
async function trace(cdp, lists, load, top) {
    const traces = {};
    for (const list of lists) await load(list, async (run) => (traces[list] = await traceSelfTimes(cdp, run)));
    const pick = (what) => Object.fromEntries(lists.map((list) => [list, traces[list][what]]));
    printColumns("trace, main-thread self time per event (ms, one load each)", pick("self"), lists, top);
    const counts = pick("count");
    for (const name of ["Layout", "UpdateLayoutTree", "Paint"]) {
        console.log(`    ${`${name} (times)`.padEnd(44)}${lists.map((list) => String(counts[list].get(name) ?? 0).padStart(10)).join("")}`);
    }
}

/** The first and third quartiles. */
function iqr(values) {
    const sorted = [...values].sort((a, b) => a - b);
    return [sorted[Math.floor((sorted.length - 1) / 4)], sorted[Math.ceil(((sorted.length - 1) * 3) / 4)]];
}

function median(values) {
    return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}
