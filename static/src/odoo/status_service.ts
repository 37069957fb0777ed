/**
 * The status store as an Odoo service: one per web client, on Odoo's `browser` object so
 * Odoo's own test helpers can drive its timers and fetch.
 */
import { browser } from "@web/core/browser/browser";
import { registry } from "@web/core/registry";
import { localNetworkPermission, netOf } from "../store/browser_net";
import { StatusStore } from "../store/status_store";
import { databaseSeries } from "./database";
import type { ReportSender } from "../store/reports";
import type { StoreOptions, Visibility } from "../store/store_options";

export const STATUS_SERVICE = "iot_https_certificate.status";

const documentVisibility: Visibility = {
    hidden: () => document.visibilityState === "hidden",
    onChange(listener) {
        document.addEventListener("visibilitychange", listener);
        return () => document.removeEventListener("visibilitychange", listener);
    },
};

/** A store on Odoo's `browser` object and this page's visibility and tabs. */
export function makeBrowserStore(options: Partial<StoreOptions> = {}, report?: ReportSender): StatusStore {
    const store = new StatusStore(
        {
            net: netOf(browser),
            databaseSeries: databaseSeries(),
            pageProtocol: () => browser.location.protocol,
            localNetworkPermission: () => localNetworkPermission(browser),
            random: Math.random,
            visibility: documentVisibility,
            channelHost: { BroadcastChannel: window.BroadcastChannel, localStorage: browser.localStorage, addEventListener: browser.addEventListener, removeEventListener: browser.removeEventListener },
            tabId: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`,
            report,
        },
        options
    );
    browser.addEventListener("pagehide", () => store.release());
    return store;
}

interface Orm {
    call(model: string, method: string, args: unknown[]): Promise<unknown>;
}

/** What boxes say about themselves reaches the database through the `orm` service. */
export const statusService = {
    dependencies: ["orm"],
    start(_env: unknown, { orm }: { orm: Orm }): StatusStore {
        return makeBrowserStore({}, (reports) => orm.call("iot.box", "report_https_certificate", [reports]) as ReturnType<ReportSender>);
    },
};

export function registerStatusService(): void {
    const services = registry.category("services");
    // Module top levels must never throw in an Odoo bundle: a second load keeps the first.
    if (!services.contains(STATUS_SERVICE)) services.add(STATUS_SERVICE, statusService);
}
