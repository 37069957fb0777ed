/**
 * Entry point of the bundle Odoo loads (`web.assets_backend`). Odoo names this module
 * `@iot_https_certificate/iot_https_certificate`; its named exports are the public surface.
 */
import { registerStatusService } from "./odoo/status_service";

registerStatusService();

export { parseBoxAddress } from "./core/address";
export { diagnose } from "./core/diagnosis";
export { getCatalog } from "./core/catalog";
export { STATUS_SERVICE } from "./odoo/status_service";
