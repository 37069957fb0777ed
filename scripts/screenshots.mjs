// `npm run screenshots`: the README's screenshots.
// - From the demo, always: list, kanban, and forms of a box in error (docs/screenshots/*.png).
// - From the real Odoo web client, for each tree given (ODOO17_SRC, ODOO18_SRC, ODOO19_SRC): the IoT app's
//   list, kanban and a form, and the device page on a phone, on boxes simulated over real HTTPS
//   (docs/screenshots/odoo-<series>-*.png). The first series' list, form and device page are also
//   the Apps description's (static/description/*.png).
// - The Apps icon, rendered from its SVG (scripts/icon.mjs).
import { copyFileSync, rmSync } from "node:fs";
import { startFleet } from "../dev/boxes.mjs";
import { startDemo } from "../dev/demo_server.mjs";
import { launch } from "./chromium.mjs";
import { renderIcon } from "./icon.mjs";
import { addonFolder, ensureDebianPackages, ensurePostgres, givenSeries, iotBoxesUrl, openOdoo } from "./odoo.mjs";

const settled = (page) =>
    page.waitForFunction(() => {
        const badges = [...document.querySelectorAll(".o_iot_https_badge")];
        return badges.length > 0 && badges.every((b) => b.getAttribute("aria-busy") === "false" && b.getAttribute("data-state") !== "checking");
    }, null, { timeout: 120_000 });

await renderIcon();
await demoScreenshots();
if (givenSeries().length) {
    ensureDebianPackages(givenSeries());
    ensurePostgres();
    const work = addonFolder();
    try {
        for (const series of givenSeries()) await odooScreenshots(series, series.shapes[0], work);
        // Odoo rewrites the description page's relative image paths to static/description/.
        const first = givenSeries()[0].name;
        for (const [from, to] of [["list", "list"], ["form", "form"], ["device", "device_check"]]) {
            copyFileSync(`docs/screenshots/odoo-${first}-${from}.png`, `static/description/${to}.png`);
        }
        console.log(`wrote static/description/{list,form,device_check}.png (real Odoo ${first} web client)`);
    } finally {
        rmSync(work, { recursive: true, force: true });
    }
} else {
    console.log("no real web client screenshots: no Odoo tree given (set ODOO17_SRC, ODOO18_SRC and/or ODOO19_SRC)");
}

async function demoScreenshots() {
    const fleet = await startFleet();
    const demo = await startDemo({ fleet });
    const browser = await launch();
    try {
        const page = await browser.context.newPage();
        await page.setViewportSize({ width: 1280, height: 1400 });
        await page.goto(`${demo.url}#list`);
        await settled(page);
        await page.screenshot({ path: "docs/screenshots/list.png", fullPage: true });
        await page.goto(`${demo.url}#kanban`);
        await settled(page);
        await page.screenshot({ path: "docs/screenshots/kanban.png", fullPage: true });
        const box = fleet.boxes.find((b) => b.key === "request_status");
        await page.goto(`${demo.url}#box-${box.id}`);
        await page.waitForSelector(".o_iot_https_panel[data-state='ERR_IOT_HTTPS_LOAD_REQUEST_STATUS']");
        await page.setViewportSize({ width: 1100, height: 900 });
        await page.screenshot({ path: "docs/screenshots/form.png", fullPage: true });
        const dns = fleet.boxes.find((b) => b.key === "dns_issue");
        await page.goto(`${demo.url}#box-${dns.id}`);
        await page.waitForSelector(".o_iot_https_panel[data-state='dns_issue']");
        await page.screenshot({ path: "docs/screenshots/form-dns.png", fullPage: true });
        console.log("wrote docs/screenshots/{list,kanban,form,form-dns}.png (demo)");
    } finally {
        await browser.close();
        await demo.close();
        await fleet.close();
    }
}

/** The simulated fleet's boxes as iot.box records, in the real IoT app. */
async function odooScreenshots(series, shape, work) {
    const fleet = await startFleet({ label: "shots1" });
    const records = fleet.boxes.map(({ record }) => ({ name: record.name, identifier: record.identifier, ip: record.ip, version: record.version }));
    const dns = fleet.boxes.findIndex((b) => b.key === "dns_issue");
    const seedPython = `import json\nboxes = env["iot.box"].create(json.loads(${JSON.stringify(JSON.stringify(records))}))\nlink = boxes[${dns}].get_https_device_check_link()["path"]\nenv.cr.commit()\nprint("SEED " + json.dumps({"link": link}))\n`;
    const odoo = await openOdoo({
        series, shape, work, seedPython,
        chromiumArgs: [`--host-resolver-rules=${fleet.resolverRules()}`, `--ip-address-space-overrides=${fleet.addressSpaceOverrides().join(",")}`],
        trustCa: fleet.ca.pem,
        allowHost: (host) => host.endsWith(".odoo-iot.com") || host.startsWith("127.77."),
    });
    const name = (view) => `docs/screenshots/odoo-${series.name}-${view}.png`;
    try {
        const { page, port } = odoo;
        await page.setViewportSize({ width: 1280, height: 1300 });
        await page.goto(iotBoxesUrl(series, port, "list"));
        await page.waitForSelector(".o_list_view .o_data_row");
        await settled(page);
        await page.screenshot({ path: name("list"), fullPage: true });
        await page.goto(iotBoxesUrl(series, port, "kanban"));
        await page.waitForSelector(".o_kanban_record .o_iot_https_kanban");
        await settled(page);
        await page.screenshot({ path: name("kanban"), fullPage: true });
        const box = fleet.boxes.find((b) => b.key === "request_status");
        await page.locator(".o_kanban_record", { hasText: box.record.name }).first().click();
        await page.waitForSelector(".o_iot_https_panel[data-state='ERR_IOT_HTTPS_LOAD_REQUEST_STATUS']", { timeout: 120_000 });
        await page.setViewportSize({ width: 1280, height: 900 });
        await page.screenshot({ path: name("form"), fullPage: true });
        // The device page as a phone shows it, for a box whose name does not resolve there.
        const phone = await odoo.browser.context.newPage();
        await phone.setViewportSize({ width: 390, height: 844 });
        await phone.goto(`http://127.0.0.1:${port}${odoo.seeded.link}`);
        await phone.waitForSelector(".o_iot_device_result[data-verdict='dns_issue']", { timeout: 120_000 });
        await phone.waitForFunction(() => document.querySelector(".o_iot_device_recorded")?.textContent);
        await phone.screenshot({ path: name("device"), fullPage: true });
        console.log(`wrote ${name("{list,kanban,form,device}")} (real Odoo ${series.name} web client)`);
    } finally {
        await odoo.close();
        await fleet.close();
    }
}
