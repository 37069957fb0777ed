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
import { makeHarness, NAME } from "../../static/tests/helpers/store_harness";

/** Odoo renders each list cell as a `Field` wrapper around the field widget (here a char field). */
class CharField extends Component<{ record: { data: Record<string, unknown> }; name: string }> {
    static template = xml`<span t-esc="props.record.data[props.name]"/>`;
    static props = ["record", "name"];
}
class Field extends Component<{ record: { data: Record<string, unknown> }; name: string }> {
    static template = xml`<div class="o_field_widget"><CharField record="props.record" name="props.name"/></div>`;
    static components = { CharField };
    static props = ["record", "name"];
}

/** The box list without the add-on's columns: name and identifier, as Odoo renders them. */
class PlainList extends Component<{ records: DemoRecord[] }> {
    static template = xml`
        <table class="table table-sm"><thead><tr><th>Name</th><th>Identifier</th></tr></thead><tbody>
            <tr t-foreach="props.records" t-as="record" t-key="record.id" class="o_data_row">
                <td><Field record="asOdooRecord(record)" name="'name'"/></td><td><Field record="asOdooRecord(record)" name="'identifier'"/></td>
            </tr>
        </tbody></table>`;
    static components = { Field };
    static props = ["records"];
    asOdooRecord = asOdooRecord;
}

/** The same list with the add-on's two columns, as the views inherit it. */
class FullList extends Component<{ records: DemoRecord[] }> {
    static template = xml`
        <table class="table table-sm"><thead><tr><th>Name</th><th>Identifier</th><th>HTTPS address</th><th>Certificate</th></tr></thead><tbody>
            <tr t-foreach="props.records" t-as="record" t-key="record.id" class="o_data_row">
                <td><Field record="asOdooRecord(record)" name="'name'"/></td><td><Field record="asOdooRecord(record)" name="'identifier'"/></td>
                <td><HttpsLinkField record="asOdooRecord(record)" name="'ip'"/></td><td><CertificateBadgeField record="asOdooRecord(record)" name="'ip'"/></td>
            </tr>
        </tbody></table>`;
    static components = { Field, HttpsLinkField, CertificateBadgeField };
    static props = ["records"];
    asOdooRecord = asOdooRecord;
}

const BOXES = 1000;
const records: DemoRecord[] = Array.from({ length: BOXES }, (_, n) => ({
    id: n + 1, name: `Box ${n + 1}`, identifier: `b8:27:eb:${n}`, ip: NAME(n), version: "19.0",
}));
const harness = makeHarness({ maxInFlight: 50 });
for (let n = 0; n < BOXES; n++) harness.network.hosts.set(NAME(n), { kind: "box", generation: "19", body: BODY_19_OK, latencyMs: 1 });
const env = { services: { [STATUS_SERVICE]: harness.store } };

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
        </div>`;
    static components = { PlainList, FullList, ListDone };
    static props = [];
    state = useState({ kind: "none" as "none" | "plain" | "full" });
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
    show(kind: "none" | "plain" | "full"): Promise<void> {
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
    /** Changes one box's status; resolves once rendered, with the number of rows touched. */
    async changeOne(): Promise<number> {
        const rows = new Set<Element>();
        const observer = new MutationObserver((mutations) => {
            for (const m of mutations) {
                const row = (m.target instanceof Element ? m.target : m.target.parentElement)?.closest(".o_data_row");
                if (row) rows.add(row);
            }
        });
        observer.observe(document.getElementById("bench")!, { subtree: true, childList: true, attributes: true, characterData: true });
        harness.network.hosts.set(NAME(0), { kind: "box", generation: "18", body: JSON.stringify({ is_certificate_ok: false, certificate_details: "ERR_IOT_HTTPS_LOAD_REQUEST_NO_RESULT" }), latencyMs: 1 });
        const done = harness.store.checkNow(1);
        await harness.clock.advance(500);
        await done;
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
        observer.disconnect();
        return rows.size;
    },
};
(window as unknown as { bench: typeof api }).bench = api;
