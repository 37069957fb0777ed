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

// What the web client's code is made of, exported so Odoo's QUnit suite
// (static/tests/iot_https_certificate_tests.js) tests this very module, not a copy of it.
export { isLocalPageHost, parseBoxAddress } from "./core/address";
export { actionPlans, uptimeRestarted } from "./core/box_actions";
export { docUrl, docVersionOf, getCatalog, stepsFor } from "./core/catalog";
export { calendarDay, DAY_MS, expiryOf, expiryPhrase } from "./core/days";
export { diagnose } from "./core/diagnosis";
export { settle } from "./core/flapping";
export { generationOrder, readServerVersion, readVersionHint } from "./core/generation";
export { ERROR_CODES } from "./core/observations";
export { MAX_ANSWER_CHARS, parseBoxDate, parseHello, parseHomepageData, parseIotDriversData } from "./core/parsers";
export { baseDelay, cadenceAfter, DEFAULT_SCHEDULE, delayUntilDue, isBox18Error, nextDelay } from "./core/schedule";
export { needsReport, outgoingReport, REFRESH_MS, serverDate, storedKey } from "./core/stored_report";
export { BoxActionRunner } from "./store/box_actions";
export { databaseFacts } from "./store/box_status";
export { BATCH_MS, RETRY_MS } from "./store/reports";
export { StatusStore } from "./store/status_store";
export { openTabChannel, receiveTabMessage } from "./store/tabs";
export { makeBrowserStore, STATUS_SERVICE } from "./odoo/status_service";
export { FLEET_KANBAN, FLEET_LIST, FleetKanbanRenderer, FleetListRenderer, FleetSummaryBar } from "./odoo/fleet_views";
export { CertificateBadgeField, CertificatePanelWidget, HttpsLinkField } from "./odoo/widgets";
