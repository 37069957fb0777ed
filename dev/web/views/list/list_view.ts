/** Stand-in for Odoo's `@web/views/list/list_view`: the `listView` descriptor (17.0/18.0 keys used here). */
import { ListRenderer } from "@web/views/list/list_renderer";

export const listView = { type: "list", multiRecord: true, Renderer: ListRenderer, buttonTemplate: "web.ListView.Buttons" };
