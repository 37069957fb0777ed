import { registry } from "@web/core/registry";
import { listView } from "@web/views/list/list_view";
import { kanbanView } from "@web/views/kanban/kanban_view";
import "../../static/src/iot_https_certificate";
import { FLEET_KANBAN, FLEET_LIST, FleetKanbanRenderer, FleetListRenderer } from "../../static/src/odoo/fleet_views";
import { STATUS_SERVICE } from "../../static/src/odoo/status_service";
import { BODY_19_OK } from "../../static/tests/helpers/fake_network";
import { makeHarness, boxName } from "../../static/tests/helpers/store_harness";
import { cleanup, mountComponent, text, waitFor } from "./helpers";

QUnit.module("fleet views", (hooks) => {
    hooks.afterEach(cleanup);

    QUnit.test("js_class views: Odoo's list and kanban with the fleet renderer, everything else unchanged", (assert) => {
        const list = registry.category("views").get(FLEET_LIST);
        const kanban = registry.category("views").get(FLEET_KANBAN);
        assert.strictEqual(list.Renderer, FleetListRenderer);
        assert.strictEqual(kanban.Renderer, FleetKanbanRenderer);
        assert.deepEqual({ ...list, Renderer: listView.Renderer }, listView);
        assert.deepEqual({ ...kanban, Renderer: kanbanView.Renderer }, kanbanView);
    });

    for (const [name, Renderer] of [["list", FleetListRenderer], ["kanban", FleetKanbanRenderer]] as const) {
        QUnit.test(`${name}: the summary above Odoo's own renderer; the filter goes to the search model`, async (assert) => {
            const h = makeHarness();
            h.network.hosts.set(boxName(0), { kind: "box", generation: "19", body: BODY_19_OK });
            const filters: unknown[] = [];
            const env = { services: { [STATUS_SERVICE]: h.store }, searchModel: { createNewFilters: (f: unknown[]) => filters.push(...f) } };
            h.store.subscribe({ id: 1, ip: boxName(0), version: "25.04" }, () => {});
            h.store.subscribe({ id: 2, ip: boxName(1), version: "25.04" }, () => {});
            const list = { records: [{ id: 1, data: { name: "Front desk" } }, { id: 2, data: { name: "Back office" } }] };
            const target = await mountComponent(Renderer, { list }, env);
            assert.ok(target.querySelector(".o_iot_https_fleet"), "the summary");
            assert.ok(target.querySelector(name === "list" ? ".o_list_renderer" : ".o_kanban_renderer"), "then Odoo's renderer");
            assert.ok(text(target).includes("Front desk"), "with its records");
            await h.clock.advance(20_000);
            await waitFor(() => text(target.querySelector(".o_iot_https_fleet_ok")) === "1 OK", "the OK count");
            assert.strictEqual(text(target.querySelector(".o_iot_https_fleet_unreachable")), "1 unreachable from here");
            (target.querySelector(".o_iot_https_fleet_problems") as HTMLButtonElement).click();
            (target.querySelector(".o_iot_https_fleet_ok") as HTMLButtonElement).click();
            assert.deepEqual(filters, [
                { description: "Boxes with an HTTPS problem", domain: '[("id", "in", [2])]' },
                { description: "HTTPS OK", domain: '[("id", "in", [1])]' },
            ]);
        });
    }
});
