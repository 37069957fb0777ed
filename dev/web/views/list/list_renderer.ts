/**
 * Stand-in for Odoo's `@web/views/list/list_renderer`: the `ListRenderer` class that views
 * extend (template "web.ListRenderer" in Odoo). Renders the records' names; enough to mount a
 * subclass and see what it adds.
 */
import { Component, xml } from "@odoo/owl";

export class ListRenderer extends Component {
    static template = xml`<div class="o_list_renderer"><table class="o_list_table"><tbody>
        <tr t-foreach="props.list.records" t-as="record" t-key="record.id" class="o_data_row"><td t-esc="record.data.name"/></tr>
    </tbody></table></div>`;
    static components = {};
    static props = ["*"];
}
