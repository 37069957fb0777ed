/**
 * The status store as an Odoo service: one per web client, on Odoo's `browser` object so
 * Odoo's own test helpers can drive its timers and fetch.
 */
import { browser } from "@web/core/browser/browser";
import { registry } from "@web/core/registry";
import { isLocalPageHost } from "../core/address";
import type { LocalNetworkPermission } from "../core/observations";
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

/**
 * Chrome's Local Network Access permission. Chrome 142 shipped it as `local-network-access`;
 * later Chrome splits it and names the LAN part `local-network`. A browser that knows neither
 * name throws: "unsupported". On a page that is itself local the permission never applies
 * ("unsupported" here means "not needed").
 */
export async function localNetworkPermission(): Promise<LocalNetworkPermission> {
    if (isLocalPageHost(browser.location.hostname)) return "unsupported";
    for (const name of ["local-network-access", "local-network"]) {
        try {
            return (await browser.navigator.permissions.query({ name: name as PermissionName })).state;
        } catch {
            // An unknown name is a TypeError: try the next one.
        }
    }
    return "unsupported";
}

/** A store on Odoo's `browser` object and this page's visibility and tabs. */
export function makeBrowserStore(options: Partial<StoreOptions> = {}, report?: ReportSender): StatusStore {
    const store = new StatusStore(
        {
            net: {
                fetch: (input, init) => browser.fetch(input, init),
                setTimeout: (handler, ms) => browser.setTimeout(handler, ms),
                clearTimeout: (id) => browser.clearTimeout(id),
                now: () => Date.now(),
            },
            databaseSeries: databaseSeries(),
            pageProtocol: () => browser.location.protocol,
            localNetworkPermission,
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
