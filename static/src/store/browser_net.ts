/**
 * The network as a page sees it: one place that turns a window-like host (the page's own
 * `window`, or Odoo's `browser` object, which Odoo's test helpers drive) into what the probes
 * need. The web client and the device page both go through it.
 */
import { isLocalPageHost } from "../core/address";
import type { LocalNetworkPermission } from "../core/observations";
import type { Net } from "./request";

export interface PageHost {
    fetch: typeof fetch;
    setTimeout: (handler: () => void, ms: number) => unknown;
    clearTimeout: (id: any) => void;
    location: { hostname: string; protocol: string };
    navigator: { permissions?: { query(descriptor: PermissionDescriptor): Promise<PermissionStatus> } };
}

export function netOf(host: PageHost, now: () => number = () => Date.now()): Net {
    return {
        fetch: (input, init) => host.fetch(input, init),
        setTimeout: (handler, ms) => host.setTimeout(handler, ms),
        clearTimeout: (id) => host.clearTimeout(id),
        now,
    };
}

/**
 * Chrome's Local Network Access permission. Chrome 142 shipped it as `local-network-access`;
 * later Chrome splits it and names the LAN part `local-network`. A browser that knows neither
 * name throws: "unsupported". On a page that is itself local the permission never applies
 * ("unsupported" here means "not needed").
 */
export async function localNetworkPermission(host: PageHost): Promise<LocalNetworkPermission> {
    if (isLocalPageHost(host.location.hostname) || !host.navigator.permissions) return "unsupported";
    for (const name of ["local-network-access", "local-network"]) {
        try {
            return (await host.navigator.permissions.query({ name: name as PermissionName })).state;
        } catch {
            // An unknown name is a TypeError: try the next one.
        }
    }
    return "unsupported";
}
