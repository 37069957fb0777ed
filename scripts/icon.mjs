// Renders the Apps icon, static/description/icon.png (256×256, transparent), from the committed
// static/description/icon.svg in headless Chromium: the PNG is never drawn by hand.
//   node scripts/icon.mjs
import { readFileSync, writeFileSync } from "node:fs";
import { launch } from "./chromium.mjs";

export const ICON_SVG = "static/description/icon.svg";
export const ICON_PNG = "static/description/icon.png";
const SIZE = 256;

export async function renderIcon() {
    const svg = readFileSync(ICON_SVG, "utf8").replace(/width="\d+" height="\d+"/, `width="${SIZE}" height="${SIZE}"`);
    const browser = await launch();
    try {
        const page = await browser.context.newPage();
        await page.setViewportSize({ width: SIZE, height: SIZE });
        await page.setContent(`<!DOCTYPE html><style>html,body{margin:0;background:transparent}svg{display:block}</style>${svg}`);
        writeFileSync(ICON_PNG, await page.locator("svg").screenshot({ omitBackground: true }));
    } finally {
        await browser.close();
    }
}

if (import.meta.url === `file://${process.argv[1]}`) {
    await renderIcon();
    console.log(`wrote ${ICON_PNG} from ${ICON_SVG}`);
}
