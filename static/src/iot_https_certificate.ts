/**
 * Entry point of the bundle Odoo loads (`web.assets_backend`). Odoo names this module
 * `@iot_https_certificate/iot_https_certificate`; its named exports are the public surface.
 */
import { registerStatusService } from "./odoo/status_service";
import { registerWidgets } from "./odoo/widgets";
import { registerFleetViews } from "./odoo/fleet_views";

registerStatusService();
registerWidgets();
registerFleetViews();

export { parseBoxAddress } from "./core/address";
export { diagnose } from "./core/diagnosis";
export { getCatalog } from "./core/catalog";
export { makeBrowserStore, STATUS_SERVICE } from "./odoo/status_service";
export { FLEET_KANBAN, FLEET_LIST, FleetKanbanRenderer, FleetListRenderer, FleetSummaryBar } from "./odoo/fleet_views";
export { CertificateBadgeField, CertificatePanelWidget, HttpsLinkField } from "./odoo/widgets";
