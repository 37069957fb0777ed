// The bench's "static" list: the add-on's two columns drawn by two field widgets with no logic
// (no store, no subscription, no diagnosis), to measure what drawing the add-on's elements costs
// in Odoo's list, whoever draws them. The first two functions run in the page (Playwright
// serializes them).
import { readFileSync } from "node:fs";

/**
 * What the first row's two certificate cells draw inside Odoo's field wrapper, and the
 * elements of that row: the static widgets must draw the same, the bench checks it.
 */
export function firstRowDrawing() {
    const row = document.querySelector(".o_list_view .o_data_row");
    const cells = [...row.querySelectorAll("td[class*='_link_cell'] > .o_field_widget, td[class*='_badge_cell'] > .o_field_widget")];
    return { cells: cells.map((cell) => cell.innerHTML.replace(/<!---->/g, "")), elements: row.querySelectorAll("*").length };
}

/**
 * Registers `bench_static_link` and `bench_static_badge`: the link of a working name and the
 * badge of a box not checked yet, as the add-on's templates draw them, with the badge's words
 * taken from the add-on's own list (`badge`: its title and label). `columnRoom` is the add-on's
 * column room (static/src/odoo/widgets.css) for these widgets' cells (staticColumnRoom).
 */
export function registerStaticWidgets({ badge, columnRoom }) {
    const { Component, xml } = odoo.loader.modules.get("@odoo/owl");
    const { registry } = odoo.loader.modules.get("@web/core/registry");
    const facts = [{ name: "https_certificate_facts", type: "json" }];
    class StaticLink extends Component {
        static template = xml`<a class="o_iot_https_link o_iot_https_link_secure" t-att-href="'https://' + props.record.data[props.name] + '/'" t-att-title="props.record.data[props.name]" target="_blank" rel="noopener noreferrer" t-on-click.stop="" t-esc="props.record.data[props.name]"/>`;
        static props = ["*"];
    }
    class StaticBadge extends Component {
        static template = xml`<span class="o_iot_https_badge o_iot_https_pending text-muted" t-att-title="badge.title" data-state="checking" t-att-aria-busy="'false'" t-esc="badge.label"/>`;
        static props = ["*"];
        badge = badge;
    }
    registry.category("fields").add("bench_static_link", { component: StaticLink, supportedTypes: ["char"], fieldDependencies: facts });
    registry.category("fields").add("bench_static_badge", { component: StaticBadge, supportedTypes: ["char"], fieldDependencies: facts });
    const style = document.createElement("style");
    style.textContent = columnRoom;
    document.head.append(style);
}

/** The add-on's column room, for the cells of `bench_static_link` and `bench_static_badge`. */
export function staticColumnRoom() {
    return readFileSync(new URL("../static/src/odoo/widgets.css", import.meta.url), "utf8").replaceAll("o_iot_https_certificate_", "o_bench_static_");
}
