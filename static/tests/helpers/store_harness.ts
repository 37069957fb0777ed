/** Builds a status store on the fake clock and network, with a page visibility tests can flip. */
import { StatusStore } from "../../src/store/status_store";
import type { VersionHint } from "../../src/core/generation";
import type { ReportSender } from "../../src/store/reports";
import type { StoreOptions } from "../../src/store/store_options";
import { FakeClock } from "./fake_clock";
import { FakeNetwork } from "./fake_network";

/** An in-memory BroadcastChannel: every channel of one bus hears the others, never itself. */
export function makeBus() {
    const channels = new Set<{ name: string; onmessage: ((e: { data: unknown }) => void) | null; closed: boolean }>();
    class Channel {
        onmessage: ((e: { data: unknown }) => void) | null = null;
        closed = false;
        constructor(public name: string) {
            channels.add(this);
        }
        postMessage(data: unknown) {
            const copy = JSON.parse(JSON.stringify(data));
            for (const other of channels) {
                if (other !== this && !other.closed && other.name === this.name) queueMicrotask(() => other.onmessage?.({ data: copy }));
            }
        }
        close() {
            this.closed = true;
            channels.delete(this);
        }
    }
    return Channel as unknown as typeof BroadcastChannel;
}

export interface Harness {
    clock: FakeClock;
    network: FakeNetwork;
    store: StatusStore;
    setHidden(hidden: boolean): void;
}

export function makeHarness(
    options: Partial<StoreOptions> = {},
    shared: {
        clock?: FakeClock;
        network?: FakeNetwork;
        bus?: typeof BroadcastChannel;
        tabId?: string;
        protocol?: string;
        databaseSeries?: VersionHint;
        report?: ReportSender;
    } = {}
): Harness {
    const clock = shared.clock ?? new FakeClock();
    const network = shared.network ?? new FakeNetwork(clock);
    let hidden = false;
    const listeners = new Set<() => void>();
    const store = new StatusStore(
        {
            net: { fetch: network.fetch, setTimeout: clock.setTimeout, clearTimeout: clock.clearTimeout, now: clock.now },
            databaseSeries: shared.databaseSeries,
            pageProtocol: () => shared.protocol ?? "http:",
            localNetworkPermission: async () => "granted",
            random: () => 0.5,
            visibility: {
                hidden: () => hidden,
                onChange: (listener) => (listeners.add(listener), () => listeners.delete(listener)),
            },
            channelHost: { BroadcastChannel: shared.bus },
            tabId: shared.tabId ?? "tab-a",
            report: shared.report,
        },
        options
    );
    return {
        clock,
        network,
        store,
        setHidden(value) {
            hidden = value;
            for (const listener of listeners) listener();
        },
    };
}

export const boxName = (n: number) => `10-0-${Math.floor(n / 250)}-${(n % 250) + 1}.abcd1234.odoo-iot.com`;
