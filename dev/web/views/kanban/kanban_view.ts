/** Stand-in for Odoo's `@web/views/kanban/kanban_view`: the `kanbanView` descriptor (17.0/18.0 keys used here). */
import { KanbanRenderer } from "@web/views/kanban/kanban_renderer";

export const kanbanView = { type: "kanban", multiRecord: true, Renderer: KanbanRenderer, buttonTemplate: "web.KanbanView.Buttons" };
