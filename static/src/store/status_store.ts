/**
 * The status store: one per web client, shared by every view. Components subscribe to boxes;
 * the store decides when to probe, runs the probes, diagnoses, and publishes verdicts. It is
 * the only thing that schedules network work.
 *
 * Flapping: a verdict drawn from failed network probes (unreachable, DNS, blocked, …) replaces
 * a shown OK only once a confirmation probe, 15 s later, agrees. What the box itself reports
 * (a code, a date) and every recovery are published at once, as is any "check now".
 */
import { parseBoxAddress } from "../core/address";
import type { BoxAddress } from "../core/address";
import type { CatalogKey } from "../core/catalog";
import { diagnose } from "../core/diagnosis";
import type { Verdict } from "../core/diagnosis";
import type { Generation, LocalNetworkPermission } from "../core/observations";
import { ERROR_CODES } from "../core/observations";
import { parseBoxDate } from "../core/parsers";
import { DEFAULT_SCHEDULE, nextDelay } from "../core/schedule";
import type { Cadence, ScheduleOptions } from "../core/schedule";
import { Limiter } from "./limiter";
import { generationOrder, probeBox } from "./probes";
import type { Net } from "./request";
import { openTabChannel } from "./tabs";
import type { ChannelHost, TabChannel, TabMessage } from "./tabs";

/** The fields of an `iot.box` record the store reads. */
export interface BoxRecord {
    id: number;
    ip: unknown;
    version?: unknown;
    ssl_certificate_end_date?: unknown;
}

export interface BoxStatus {
    boxId: number;
    address: BoxAddress;
    verdict: Verdict;
    /** A probe of this box is in flight. */
    checking: boolean;
    lastCheckedAt?: number;
    nextCheckAt?: number;
}

export type StatusListener = (status: BoxStatus) => void;

export interface Visibility {
    hidden(): boolean;
    onChange(listener: () => void): () => void;
}

export interface StoreDeps {
    net: Net;
    pageProtocol: () => string;
    localNetworkPermission: () => Promise<LocalNetworkPermission>;
    random: () => number;
    visibility: Visibility;
    channelHost: ChannelHost;
    tabId: string;
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

const NETWORK_VERDICTS = new Set<CatalogKey>([
    "unreachable", "dns_issue", "certificate_rejected", "https_blocked", "local_network_permission", "unreadable_answer",
]);
const CODES = new Set<string>(ERROR_CODES);

interface Entry {
    record: BoxRecord;
    address: BoxAddress;
    listeners: Set<StatusListener>;
    status: BoxStatus;
    pending?: Verdict;
    cadence: Cadence;
    step: number;
    generation?: Generation;
    timer?: unknown;
    inFlight?: Promise<void>;
    abort?: AbortController;
    leaseUntil?: number;
}

export class StatusStore {
    readonly options: StoreOptions;
    readonly limiter: Limiter;
    /** Requests sent since start: read by the benchmark. */
    requests = 0;
    private entries = new Map<number, Entry>();
    /** Last statuses of boxes nobody watches now, so a view opened again shows them at once. */
    private cache = new Map<number, { ip: unknown; status: BoxStatus }>();
    private fleetListeners = new Set<() => void>();
    private fleetQueued = false;
    private channel: TabChannel;
    private stopVisibility: () => void;

    constructor(private readonly deps: StoreDeps, options: Partial<StoreOptions> = {}) {
        this.options = { ...DEFAULT_OPTIONS, ...options };
        this.limiter = new Limiter(this.options.maxInFlight);
        this.channel = openTabChannel(deps.channelHost, (message) => this.receive(message));
        this.stopVisibility = deps.visibility.onChange(() => this.onVisibilityChange());
    }

    /** Watches a box; the listener gets every new status. Returns the unsubscribe function. */
    subscribe(record: BoxRecord, listener: StatusListener): () => void {
        let entry = this.entries.get(record.id);
        if (entry && entry.record.ip !== record.ip) {
            this.drop(entry);
            entry = undefined;
        }
        if (!entry) {
            entry = this.createEntry(record);
            this.entries.set(record.id, entry);
            this.startWatching(entry);
        } else {
            entry.record = record;
        }
        entry.listeners.add(listener);
        listener(entry.status);
        const watched = entry;
        return () => {
            watched.listeners.delete(listener);
            if (watched.listeners.size === 0 && this.entries.get(record.id) === watched) {
                this.cache.set(record.id, { ip: watched.record.ip, status: watched.status });
                this.drop(watched);
                this.entries.delete(record.id);
                this.notifyFleet();
            }
        };
    }

    /** Every box's status changes: for the fleet summary. */
    subscribeFleet(listener: () => void): () => void {
        this.fleetListeners.add(listener);
        return () => this.fleetListeners.delete(listener);
    }

    statuses(): BoxStatus[] {
        return [...this.entries.values()].map((entry) => entry.status);
    }

    get(boxId: number): BoxStatus | undefined {
        return this.entries.get(boxId)?.status;
    }

    /** Probes one box now; joins the probe already in flight rather than sending another. */
    checkNow(boxId: number): Promise<void> {
        const entry = this.entries.get(boxId);
        return entry ? this.check(entry, true) : Promise.resolve();
    }

    checkAll(): Promise<void> {
        return Promise.all([...this.entries.values()].map((entry) => this.check(entry, true))).then(() => undefined);
    }

    /** Pending timers, for tests that prove everything stopped. */
    get scheduled(): number {
        return [...this.entries.values()].filter((entry) => entry.timer !== undefined).length;
    }

    /** The tab is closing: hand the boxes it is probing over to the other tabs. */
    release(): void {
        const boxes = [...this.entries.values()].filter((e) => e.inFlight).map((e) => e.record.id);
        if (boxes.length) this.channel.post({ type: "release", tab: this.deps.tabId, boxes });
    }

    destroy(): void {
        this.release();
        for (const entry of this.entries.values()) this.drop(entry);
        this.entries.clear();
        this.stopVisibility();
        this.channel.close();
    }

    private createEntry(record: BoxRecord): Entry {
        const address = parseBoxAddress(record.ip);
        const cached = this.cache.get(record.id);
        const reuse = cached !== undefined && cached.ip === record.ip ? cached.status : undefined;
        const status: BoxStatus = {
            boxId: record.id,
            address,
            verdict: reuse ? reuse.verdict : diagnose(address, undefined, this.now()),
            checking: false,
            lastCheckedAt: reuse?.lastCheckedAt,
        };
        this.cache.delete(record.id);
        return { record, address, listeners: new Set(), status, cadence: "failing", step: 0 };
    }

    private startWatching(entry: Entry): void {
        if (!isProbeable(entry.address)) return;
        const last = entry.status.lastCheckedAt;
        const fresh = last !== undefined && this.now() - last < this.options.freshMs;
        // The first check waits for a timer: a view mounting 1,000 rows renders first, then the
        // round starts (and the concurrency cap spreads it).
        if (fresh) this.schedule(entry, this.options.freshMs - (this.now() - last!));
        else if (!this.deps.visibility.hidden()) this.schedule(entry, 0);
    }

    private check(entry: Entry, urgent: boolean): Promise<void> {
        if (entry.inFlight) return entry.inFlight;
        if (!isProbeable(entry.address)) return Promise.resolve();
        const lease = entry.leaseUntil ?? 0;
        if (!urgent && lease > this.now()) {
            // Another tab is probing this box; its verdict will arrive. Look again after its lease.
            this.schedule(entry, lease - this.now() + 1);
            return Promise.resolve();
        }
        this.clearTimer(entry);
        const abort = new AbortController();
        entry.abort = abort;
        this.channel.post({ type: "lease", tab: this.deps.tabId, box: entry.record.id, until: this.now() + this.options.leaseMs });
        this.update(entry, { checking: true, nextCheckAt: undefined });
        const run = async () => {
            const outcome = await probeBox(
                {
                    ...this.deps.net,
                    pageProtocol: this.deps.pageProtocol,
                    localNetworkPermission: this.deps.localNetworkPermission,
                    limit: (task) => this.limiter.run(task, urgent),
                },
                {
                    address: entry.address,
                    order: generationOrder(entry.generation, entry.record.version),
                    databaseEndDate: databaseEndDate(entry.record),
                    timeoutMs: this.options.timeoutMs,
                    signal: abort.signal,
                }
            );
            this.requests += outcome.requests;
            if (outcome.aborted || this.entries.get(entry.record.id) !== entry) return;
            entry.generation = outcome.generation ?? entry.generation;
            const verdict = diagnose(entry.address, outcome.observations, this.now());
            this.conclude(entry, verdict, urgent);
            this.channel.post({
                type: "verdict",
                tab: this.deps.tabId,
                box: entry.record.id,
                ip: String(entry.record.ip),
                verdict: entry.status.verdict,
                generation: entry.generation,
            });
        };
        entry.inFlight = run().finally(() => {
            entry.inFlight = undefined;
            entry.abort = undefined;
        });
        return entry.inFlight;
    }

    /** Applies the flapping rule, publishes, and plans the next check. */
    private conclude(entry: Entry, verdict: Verdict, urgent: boolean): void {
        const shown = entry.status.verdict;
        const needsConfirmation =
            !urgent && shown.key === "ok" && NETWORK_VERDICTS.has(verdict.key) && entry.pending?.key !== verdict.key;
        if (needsConfirmation) {
            entry.pending = verdict;
            this.update(entry, { checking: false });
            this.plan(entry, "confirm", 0);
            return;
        }
        entry.pending = undefined;
        this.publish(entry, verdict);
    }

    private publish(entry: Entry, verdict: Verdict): void {
        const previous = entry.status.verdict.key;
        const healthy = verdict.key === "ok";
        const cadence: Cadence = healthy ? "healthy" : "failing";
        const step = verdict.key === previous && entry.cadence === cadence ? entry.step + 1 : 0;
        this.update(entry, { verdict, checking: false, lastCheckedAt: verdict.checkedAt ?? this.now() });
        this.plan(entry, cadence, step);
    }

    private plan(entry: Entry, cadence: Cadence, step: number): void {
        entry.cadence = cadence;
        entry.step = step;
        const box18Error = entry.generation === "18" && CODES.has(entry.status.verdict.key);
        this.schedule(entry, nextDelay({ cadence, step, box18Error }, this.deps.random, this.options.schedule));
    }

    private schedule(entry: Entry, delay: number): void {
        this.clearTimer(entry);
        entry.timer = this.deps.net.setTimeout(() => this.onDue(entry), delay);
        this.update(entry, { nextCheckAt: this.now() + delay });
    }

    private onDue(entry: Entry): void {
        entry.timer = undefined;
        if (this.deps.visibility.hidden()) return; // the visible-again round picks it up
        void this.check(entry, false);
    }

    private onVisibilityChange(): void {
        if (this.deps.visibility.hidden()) {
            for (const entry of this.entries.values()) this.clearTimer(entry);
            return;
        }
        for (const entry of this.entries.values()) {
            if (entry.inFlight || !isProbeable(entry.address)) continue;
            const box18Error = entry.generation === "18" && CODES.has(entry.status.verdict.key);
            const gap = box18Error ? this.options.schedule.box18ErrorMinMs : this.options.freshMs;
            const since = this.now() - (entry.status.lastCheckedAt ?? -Infinity);
            if (since >= gap) void this.check(entry, false);
            else this.schedule(entry, gap - since);
        }
    }

    private receive(message: TabMessage): void {
        if (message.tab === this.deps.tabId) return;
        if (message.type === "lease") {
            const entry = this.entries.get(message.box);
            if (entry) entry.leaseUntil = message.until;
        } else if (message.type === "release") {
            for (const box of message.boxes) {
                const entry = this.entries.get(box);
                if (!entry || entry.leaseUntil === undefined) continue;
                entry.leaseUntil = undefined;
                if (!entry.inFlight && !this.deps.visibility.hidden()) void this.check(entry, false);
            }
        } else {
            const entry = this.entries.get(message.box);
            if (!entry || String(entry.record.ip) !== message.ip || entry.inFlight) return;
            entry.leaseUntil = undefined;
            entry.pending = undefined;
            if (message.generation === "19" || message.generation === "18" || message.generation === "legacy") {
                entry.generation = message.generation;
            }
            this.publish(entry, message.verdict);
        }
    }

    private update(entry: Entry, change: Partial<BoxStatus>): void {
        entry.status = { ...entry.status, ...change };
        for (const listener of entry.listeners) listener(entry.status);
        this.notifyFleet();
    }

    /** Coalesced per microtask: a round over 1,000 boxes recounts the fleet once, not 2,000 times. */
    private notifyFleet(): void {
        if (this.fleetQueued || this.fleetListeners.size === 0) return;
        this.fleetQueued = true;
        queueMicrotask(() => {
            this.fleetQueued = false;
            for (const listener of this.fleetListeners) listener();
        });
    }

    private clearTimer(entry: Entry): void {
        if (entry.timer !== undefined) this.deps.net.clearTimeout(entry.timer);
        entry.timer = undefined;
    }

    private drop(entry: Entry): void {
        this.clearTimer(entry);
        entry.abort?.abort();
    }

    private now(): number {
        return this.deps.net.now();
    }
}

function isProbeable(address: BoxAddress): boolean {
    return address.kind === "named" || address.kind === "plain_ip";
}

/** `ssl_certificate_end_date` as the ORM sends it: "YYYY-MM-DD HH:mm:ss" in UTC, or false. */
function databaseEndDate(record: BoxRecord): number | undefined {
    const value = record.ssl_certificate_end_date;
    return typeof value === "string" ? parseBoxDate(value) : undefined;
}
