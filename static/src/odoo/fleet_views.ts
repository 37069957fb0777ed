/**
 * The fleet summary above the IoT app's box list and kanban: `js_class` views whose renderer
 * renders the summary, then Odoo's own renderer template unchanged. Extending the renderer
 * (not the controller) keeps clear of the controller templates, which differ between 17.0
 * and 18.0.
 */
import { Component, markRaw, onWillDestroy, useState, xml } from "@odoo/owl";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { KanbanRenderer } from "@web/views/kanban/kanban_renderer";
import { kanbanView } from "@web/views/kanban/kanban_view";
import { ListRenderer } from "@web/views/list/list_renderer";
import { listView } from "@web/views/list/list_view";
import { FleetSummary } from "../components/fleet_summary/fleet_summary";
import type { BoxStatus } from "../store/box_status";
import type { StatusStore } from "../store/status_store";
import { STATUS_SERVICE } from "./status_service";

/** The search model's method this bar calls (17.0/18.0 `SearchModel.createNewFilters`). */
interface SearchModel {
    createNewFilters(prefilters: { description: string; domain: string }[]): unknown;
}

/** The summary of the boxes on screen; a count, or "show only boxes with a problem", adds a filter on their ids. */
export class FleetSummaryBar extends Component {
    static template = xml`<FleetSummary statuses="state.statuses" onShowBoxes.bind="showBoxes"/>`;
    static components = { FleetSummary };
    static props = [];
    declare state: { statuses: BoxStatus[] };

    setup(): void {
        const store: StatusStore = useService(STATUS_SERVICE);
        this.state = useState({ statuses: markRaw(store.statuses()) });
        const stop = store.subscribeFleet(() => (this.state.statuses = markRaw(store.statuses())));
        onWillDestroy(stop);
    }

    showBoxes(description: string, boxIds: number[]): void {
        const searchModel = (this.env as { searchModel?: SearchModel }).searchModel;
        searchModel?.createNewFilters([{ description, domain: `[("id", "in", [${boxIds.join(", ")}])]` }]);
    }
}

const withFleetSummary = `<FleetSummaryBar/><t t-call="{{ parentTemplate }}"/>`;

export class FleetListRenderer extends ListRenderer {
    static template = xml`${withFleetSummary}`;
    static components = { ...ListRenderer.components, FleetSummaryBar };
    get parentTemplate(): string {
        return ListRenderer.template as string;
    }
}

export class FleetKanbanRenderer extends KanbanRenderer {
    static template = xml`${withFleetSummary}`;
    static components = { ...KanbanRenderer.components, FleetSummaryBar };
    get parentTemplate(): string {
        return KanbanRenderer.template as string;
    }
}

export const FLEET_LIST = "iot_https_certificate_box_list";
export const FLEET_KANBAN = "iot_https_certificate_box_kanban";

export function registerFleetViews(): void {
    const views = registry.category("views");
    // Module top levels must never throw in an Odoo bundle: a second load keeps the first.
    if (!views.contains(FLEET_LIST)) views.add(FLEET_LIST, { ...listView, Renderer: FleetListRenderer });
    if (!views.contains(FLEET_KANBAN)) views.add(FLEET_KANBAN, { ...kanbanView, Renderer: FleetKanbanRenderer });
}
