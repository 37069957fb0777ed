/**
 * In-page part of the view benchmark: the demo's list of 1,000 boxes with the add-on's columns,
 * against the same list without them; and one status change in the full list.
 */
import { App, Component, onMounted, useState, xml } from "@odoo/owl";
import { STATUS_SERVICE } from "../../static/src/odoo/status_service";
import { asOdooRecord } from "../../dev/demo/views";
import { CertificateBadgeField, HttpsLinkField } from "../../static/src/odoo/widgets";
import type { DemoRecord } from "../../dev/demo/views";
import { BODY_19_OK } from "../../static/tests/helpers/fake_network";
import { makeHarness, boxName } from "../../static/tests/helpers/store_harness";

// Lists shaped like Odoo's ListRenderer.RecordRow (17.0): a selector CheckBox component per row,
// plain formatted text for simple readonly cells, and a `Field` wrapper around the widget
// component for a cell with a widget.
type OdooRecord = { resId: number; data: Record<string, unknown> };
class CheckBox extends Component<{ value: boolean }> {
    static template = xml`<div class="o-checkbox form-check"><input type="checkbox" class="form-check-input" t-att-checked="props.value"/></div>`;
    static props = ["value"];
}
/** Odoo's own `url` and `badge` field widgets, as a reference column cost. */
class UrlField extends Component<{ record: OdooRecord; name: string }> {
    static template = xml`<a class="o_field_widget" t-att-href="'https://' + props.record.data[props.name] + '/'" target="_blank" t-esc="props.record.data[props.name]"/>`;
    static props = ["record", "name", "*"];
}
class BadgeField extends Component<{ record: OdooRecord; name: string }> {
    static template = xml`<span class="badge rounded-pill text-bg-success" t-esc="props.record.data[props.name]"/>`;
    static props = ["record", "name", "*"];
}
class Field extends Component<{ record: OdooRecord; name: string; widget: unknown }> {
    static template = xml`<div class="o_field_widget" t-att-name="props.name"><t t-component="props.widget" record="props.record" name="props.name"/></div>`;
    static props = ["record", "name", "widget"];
}

const ROW_START = `<tr t-foreach="props.records" t-as="record" t-key="record.id" class="o_data_row" t-att-data-id="record.id">
    <td class="o_list_record_selector" t-on-click.stop="() => {}"><CheckBox value="false"/></td>
    <td class="o_data_cell" t-att-data-tooltip="record.name" t-on-click="() => {}" t-esc="record.name"/>
    <td class="o_data_cell" t-att-data-tooltip="record.identifier" t-on-click="() => {}" t-esc="record.identifier"/>`;
const widgetCells = (link: string, badge: string) => `
    <td class="o_data_cell" t-on-click="() => {}"><Field record="asOdooRecord(record)" name="'ip'" widget="${link}"/></td>
    <td class="o_data_cell" t-on-click="() => {}"><Field record="asOdooRecord(record)" name="'ip'" widget="${badge}"/></td>`;
const table = (rows: string) => `<table class="table table-sm"><tbody>${rows}</tr></tbody></table>`;

abstract class BenchList extends Component<{ records: DemoRecord[] }> {
    static props = ["records"];
    asOdooRecord = asOdooRecord;
    HttpsLinkField = HttpsLinkField;
    CertificateBadgeField = CertificateBadgeField;
    UrlField = UrlField;
    BadgeField = BadgeField;
}
/** The box list without the add-on's columns. */
class PlainList extends BenchList {
    static template = xml`${table(ROW_START)}`;
    static components = { CheckBox };
}
/** The same list with the add-on's two columns, as the views inherit it. */
class FullList extends BenchList {
    static template = xml`${table(ROW_START + widgetCells("HttpsLinkField", "CertificateBadgeField"))}`;
    static components = { CheckBox, Field };
}
/** The same list with two columns of Odoo's own `url` and `badge` widgets instead. */
class ReferenceList extends BenchList {
    static template = xml`${table(ROW_START + widgetCells("UrlField", "BadgeField"))}`;
    static components = { CheckBox, Field };
}

const BOXES = 1000;
const records: DemoRecord[] = Array.from({ length: BOXES }, (_, n) => ({
    id: n + 1, name: `Box ${n + 1}`, identifier: `b8:27:eb:${n}`, ip: boxName(n), version: "25.04", https_certificate_facts: { version: "25.04" },
}));
const harness = makeHarness({ maxInFlight: 50 });
for (let n = 0; n < BOXES; n++) harness.network.hosts.set(boxName(n), { kind: "box", generation: "19", body: BODY_19_OK, latencyMs: 1 });
const env = { services: { [STATUS_SERVICE]: harness.store } };

type Kind = "none" | "plain" | "full" | "reference";

/** One app for the whole run, as in Odoo, where templates compile once per session. */
let mounted: () => void = () => {};
class ListDone extends Component {
    static template = xml`<span/>`;
    static props = [];
    setup() {
        onMounted(() => mounted());
    }
}
class BenchRoot extends Component {
    static template = xml`
        <div>
            <t t-if="state.kind === 'plain'"><PlainList records="records"/><ListDone/></t>
            <t t-elif="state.kind === 'full'"><FullList records="records"/><ListDone/></t>
            <t t-elif="state.kind === 'reference'"><ReferenceList records="records"/><ListDone/></t>
        </div>`;
    static components = { PlainList, FullList, ReferenceList, ListDone };
    static props = [];
    state = useState({ kind: "none" as Kind });
    records = records;
}
let root: BenchRoot;

const api = {
    /** Cost of the store alone: subscribing 1,000 boxes (no component). */
    subscribeOnly(): number {
        const h = makeHarness();
        const started = performance.now();
        const stops = records.map((r) => h.store.subscribe({ id: r.id, ip: r.ip, version: r.version }, () => {}));
        const ms = performance.now() - started;
        stops.forEach((stop) => stop());
        return ms;
    },
    async setup() {
        const templates = await (await fetch("/templates.xml")).text();
        const app = new App(BenchRoot, { env, templates });
        root = (await app.mount(document.getElementById("bench")!)) as BenchRoot;
    },
    /** Shows a list (or none); resolves once it is in the DOM. */
    show(kind: Kind): Promise<void> {
        return new Promise<void>((resolve) => {
            mounted = resolve;
            root.state.kind = kind;
            if (kind === "none") requestAnimationFrame(() => setTimeout(resolve));
        });
    },
    async mountFull(): Promise<void> {
        await api.show("full");
        await harness.clock.advance(1000);
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    },
    /**
     * Changes one box's status (its own report turns to an error, then back to OK: both show at
     * once); resolves once rendered, with the number of rows touched.
     */
    async changeOne(run: number): Promise<number> {
        const rows = new Set<Element>();
        const observer = new MutationObserver((mutations) => {
            for (const m of mutations) {
                const row = (m.target instanceof Element ? m.target : m.target.parentElement)?.closest(".o_data_row");
                if (row) rows.add(row);
            }
        });
        observer.observe(document.getElementById("bench")!, { subtree: true, childList: true, attributes: true, characterData: true });
        const failing = run % 2 === 0;
        const body = JSON.stringify(failing ? { is_certificate_ok: false, certificate_details: "ERR_IOT_HTTPS_LOAD_REQUEST_NO_RESULT" } : { is_certificate_ok: true, certificate_details: `Your certificate *.${boxName(0).split(".").slice(1).join(".")} is valid until 2027-02-01 12:00:00` });
        harness.network.hosts.set(boxName(0), { kind: "box", generation: "18", body, latencyMs: 1 });
        const done = harness.store.checkNow(1);
        await harness.clock.advance(500);
        await done;
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
        observer.disconnect();
        return rows.size;
    },
};
(window as unknown as { bench: typeof api }).bench = api;
