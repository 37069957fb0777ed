/** What a status store is built on, and the knobs tests and benchmarks turn. */
import type { VersionHint } from "../core/generation";
import type { LocalNetworkPermission } from "../core/observations";
import { DEFAULT_SCHEDULE } from "../core/schedule";
import type { ScheduleOptions } from "../core/schedule";
import type { ReportSender } from "./reports";
import type { Net } from "./request";
import type { ChannelHost } from "./tabs";

export interface Visibility {
    hidden(): boolean;
    onChange(listener: () => void): () => void;
}

export interface StoreDeps {
    /** The database's Odoo series, when known: its boxes most likely run it. */
    databaseSeries?: VersionHint;
    net: Net;
    pageProtocol: () => string;
    localNetworkPermission: () => Promise<LocalNetworkPermission>;
    random: () => number;
    visibility: Visibility;
    channelHost: ChannelHost;
    tabId: string;
    /** Stores what boxes say about themselves in the database; absent, nothing is reported. */
    report?: ReportSender;
}

export interface StoreOptions {
    maxInFlight: number;
    timeoutMs: number;
    leaseMs: number;
    /** A box checked this recently is not asked again when the page becomes visible. */
    freshMs: number;
    schedule: ScheduleOptions;
}

export const DEFAULT_OPTIONS: StoreOptions = {
    maxInFlight: 6,
    timeoutMs: 8000,
    leaseMs: 60_000,
    freshMs: 30_000,
    schedule: DEFAULT_SCHEDULE,
};

