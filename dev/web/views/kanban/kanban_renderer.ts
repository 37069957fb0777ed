/** Stand-in for Odoo's `@web/views/kanban/kanban_renderer` (template "web.KanbanRenderer" in Odoo). */
import { Component, xml } from "@odoo/owl";

export class KanbanRenderer extends Component {
    static template = xml`<div class="o_kanban_renderer">
        <div t-foreach="props.list.records" t-as="record" t-key="record.id" class="o_kanban_record" t-esc="record.data.name"/>
    </div>`;
    static components = {};
    static props = ["*"];
}
