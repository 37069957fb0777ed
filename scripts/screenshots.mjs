// `npm run screenshots`: renders the demo in headless Chromium and writes the README's
// screenshots (list, kanban, and the form of a box in error) to docs/screenshots/.
import { startFleet } from "../dev/boxes.mjs";
import { startDemo } from "../dev/demo_server.mjs";
import { launch } from "./chromium.mjs";

const fleet = await startFleet();
const demo = await startDemo({ fleet });
const browser = await launch();
try {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 1400 });
    await page.goto(`${demo.url}#list`);
    const settled = () => page.waitForFunction(() => {
        const badges = [...document.querySelectorAll(".o_iot_https_badge")];
        return badges.length > 0 && badges.every((b) => b.getAttribute("aria-busy") === "false" && b.getAttribute("data-state") !== "checking");
    }, null, { timeout: 60_000 });
    await settled();
    await page.screenshot({ path: "docs/screenshots/list.png", fullPage: true });
    await page.goto(`${demo.url}#kanban`);
    await settled();
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
    console.log("wrote docs/screenshots/{list,kanban,form,form-dns}.png");
} finally {
    await browser.close();
    await demo.close();
    await fleet.close();
}
