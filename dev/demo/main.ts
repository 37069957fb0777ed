/**
 * The demo page: the add-on's compiled bundle (widgets, store, catalog) on the `@web/*` stand-in,
 * with the simulated boxes as the `iot.box` records. Views: #list, #kanban, #box-<id>.
 */
import { App, Component, onWillDestroy, reactive, useState, xml } from "@odoo/owl";
import { browser } from "@web/core/browser/browser";
// The add-on as Odoo loads it: the committed, compiled bundle (see the page's import map).
import { FleetSummaryBar, makeBrowserStore, STATUS_SERVICE } from "@iot_https_certificate/iot_https_certificate";
import type { StoreOptions } from "../../static/src/store/store_options";
import { relayFetch } from "./relay";
import { DemoForm, DemoKanban, DemoList } from "./views";
import type { DemoRecord } from "./views";

/**
 * The part of Odoo's search model the fleet summary uses: `createNewFilters` with a domain on
 * ids, here read back into the list of ids to show.
 */
const search = reactive({ ids: null as number[] | null });
const searchModel = {
    createNewFilters(filters: { domain: string }[]) {
        const list = /\[([\d,\s]*)\]\)\]$/.exec(filters[0]?.domain ?? "")?.[1] ?? "";
        search.ids = list.split(",").map(Number).filter((id) => id > 0);
    },
};

class DemoApp extends Component<{ records: DemoRecord[] }> {
    static template = xml`
        <div class="container-fluid py-3">
            <h1 class="h4 mb-3"><i class="fa fa-microchip me-2"/>IoT Boxes <small class="text-muted">— HTTPS certificate demo</small></h1>
            <t t-if="route.view === 'form'">
                <DemoForm record="current" back="() => this.go('#list')"/>
            </t>
            <t t-else="">
                <div class="d-flex align-items-center gap-2 mb-2">
                    <div class="btn-group" role="group" aria-label="View">
                        <a href="#list" t-attf-class="btn btn-sm btn-outline-secondary {{ route.view === 'list' ? 'active' : '' }}"><i class="fa fa-list me-1"/>List</a>
                        <a href="#kanban" t-attf-class="btn btn-sm btn-outline-secondary {{ route.view === 'kanban' ? 'active' : '' }}"><i class="fa fa-th-large me-1"/>Kanban</a>
                    </div>
                    <button type="button" class="btn btn-sm btn-primary o_demo_check_all" t-on-click="() => this.env.services['${STATUS_SERVICE}'].checkAll()"><i class="fa fa-refresh me-1"/>Check all now</button>
                </div>
                <div class="d-flex align-items-center">
                    <FleetSummaryBar/>
                    <button t-if="search.ids" type="button" class="btn btn-sm btn-link o_demo_show_all" t-on-click="() => this.search.ids = null">Show all boxes</button>
                </div>
                <DemoList t-if="route.view === 'list'" records="shown" open="(id) => this.go('#box-' + id)"/>
                <DemoKanban t-else="" records="shown" open="(id) => this.go('#box-' + id)"/>
            </t>
        </div>`;
    static components = { DemoList, DemoKanban, DemoForm, FleetSummaryBar };
    static props = ["records"];
    route = useState({ view: "list", id: 0 });
    search = useState(search);

    setup() {
        const read = () => {
            const hash = window.location.hash;
            const box = /^#box-(\d+)$/.exec(hash);
            this.route.view = box ? "form" : hash === "#kanban" ? "kanban" : "list";
            this.route.id = box ? Number(box[1]) : 0;
        };
        read();
        window.addEventListener("hashchange", read);
        onWillDestroy(() => window.removeEventListener("hashchange", read));
    }

    get current(): DemoRecord {
        return this.props.records.find((r) => r.id === this.route.id) ?? this.props.records[0];
    }

    get shown(): DemoRecord[] {
        const ids = this.search.ids;
        return ids ? this.props.records.filter((r) => ids.includes(r.id)) : this.props.records;
    }

    go(hash: string) {
        window.location.hash = hash;
    }
}

/** `?timeout=<ms>` shortens the probe timeout; `?schedule=fast` re-checks failing boxes within seconds (tests). */
function optionsFromUrl(query: URLSearchParams): Partial<StoreOptions> {
    const options: Partial<StoreOptions> = {};
    const timeout = Number(query.get("timeout"));
    if (timeout > 0) options.timeoutMs = timeout;
    if (query.get("schedule") === "fast") {
        options.schedule = {
            healthyMs: 5 * 60_000, healthyMaxMs: 30 * 60_000, healthyFactor: 1.5,
            failingMs: 1000, failingMaxMs: 2000, failingFactor: 2, confirmMs: 1000, box18ErrorMinMs: 1000, jitter: 0.2,
        };
    }
    return options;
}

async function start() {
    const [templates, config] = await Promise.all([
        fetch("/templates.xml").then((r) => r.text()),
        fetch("/demo/fleet.json").then((r) => r.json() as Promise<{ relay: boolean; records: DemoRecord[] }>),
    ]);
    if (config.relay) browser.fetch = relayFetch(window.fetch.bind(window));
    const store = makeBrowserStore(optionsFromUrl(new URLSearchParams(window.location.search)));
    // The demo has no database: the box history's lines stay in the page (window.demoHistory).
    const history: unknown[][] = [];
    const orm = {
        call: async (_model: string, method: string, args: unknown[]) => {
            // The device-check link comes from the demo server, which serves the device page.
            const rotate = method === "rotate_https_device_check_link";
            if (rotate || method === "get_https_device_check_link") {
                const id = (args[0] as number[])[0];
                return (await fetch(`/demo/device_link?id=${id}${rotate ? "&rotate=1" : ""}`)).json();
            }
            history.push([method, ...args]);
            return true;
        },
    };
    const env = { services: { [STATUS_SERVICE]: store, orm }, searchModel };
    (window as { demoHistory?: unknown }).demoHistory = history;
    (window as { demoStore?: unknown }).demoStore = store;
    await new App(DemoApp, { env, props: { records: config.records }, templates }).mount(document.getElementById("app")!);
}

void start();
