/**
 * Entry point of the bundle Odoo loads (`web.assets_backend`). Odoo names this module
 * `@iot_https_certificate/iot_https_certificate`; its named exports are the public surface.
 */
import { registerStatusService } from "./odoo/status_service";
import { registerWidgets } from "./odoo/widgets";

registerStatusService();
registerWidgets();

export { parseBoxAddress } from "./core/address";
export { diagnose } from "./core/diagnosis";
export { getCatalog } from "./core/catalog";
export { STATUS_SERVICE } from "./odoo/status_service";
export { CertificateBadgeField, CertificatePanelWidget, HttpsLinkField } from "./odoo/widgets";
