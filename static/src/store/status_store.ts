/**
 * The status store: one per web client, shared by every view, the only thing that schedules
 * network work. Components subscribe to boxes; the store probes, diagnoses and publishes. Its
 * decisions are the core's pure functions (when: schedule.ts; whether to show a verdict yet:
 * flapping.ts; what it means: diagnosis.ts); other tabs' messages come through tabs.ts.
 */
import { diagnose } from "../core/diagnosis";
import type { Verdict } from "../core/diagnosis";
import { settle } from "../core/flapping";
import type { Generation } from "../core/generation";
import { cadenceAfter, delayOnReturn, delayUntilDue, isBox18Error, nextDelay } from "../core/schedule";
import type { CadenceState } from "../core/schedule";
import { databaseFacts, isProbeable, sameBoxFacts } from "./box_status";
import type { BoxRecord, BoxStatus, StatusListener } from "./box_status";
import { newEntry, probeEntry, verdictForFacts } from "./entry";
import type { CachedStatus, Entry } from "./entry";
import { FleetSignal } from "./fleet_signal";
import { Limiter } from "./limiter";
import { ReportQueue } from "./reports";
import { DEFAULT_OPTIONS } from "./store_options";
import type { StoreDeps, StoreOptions } from "./store_options";
import { openTabChannel, receiveTabMessage } from "./tabs";
import type { TabChannel, TabPeer } from "./tabs";

export class StatusStore {
    private readonly options: StoreOptions;
    private readonly limiter: Limiter;
    private entries = new Map<number, Entry>();
    /** Last statuses of boxes nobody watches now, so a view opened again shows them at once. */
    private cache = new Map<number, CachedStatus>();
    private fleet = new FleetSignal();
    private channel: TabChannel;
    private stopVisibility: () => void;
    /** What boxes say about themselves, on its way to the database. */
    readonly reports: ReportQueue;

    constructor(private readonly deps: StoreDeps, options: Partial<StoreOptions> = {}) {
        this.options = { ...DEFAULT_OPTIONS, ...options };
        this.limiter = new Limiter(this.options.maxInFlight);
        this.reports = new ReportQueue(deps.report, deps.net);
        const peer: TabPeer = {
            leased: (box, until) => this.onLeased(box, until),
            released: (box) => this.onReleased(box),
            heard: (box, ip, verdict, generation) => this.onHeard(box, ip, verdict, generation),
        };
        this.channel = openTabChannel(deps.channelHost, (message) => receiveTabMessage(message, deps.tabId, peer));
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
            entry = newEntry(record, this.cache.get(record.id), this.now());
            this.cache.delete(record.id);
            this.entries.set(record.id, entry);
            this.startWatching(entry);
        } else if (!sameBoxFacts(entry.record, record)) {
            const verdict = verdictForFacts(entry, record, this.now());
            if (verdict) this.update(entry, { verdict });
        }
        entry.listeners.add(listener);
        listener(entry.status);
        const watched = entry;
        return () => this.unwatch(watched, listener);
    }

    /** The last view of a box closed: its status is cached, its timers and probe stopped. */
    private unwatch(entry: Entry, listener: StatusListener): void {
        entry.listeners.delete(listener);
        if (entry.listeners.size > 0 || this.entries.get(entry.record.id) !== entry) return;
        const { record: { ip }, status, generation, observations } = entry;
        this.cache.set(entry.record.id, { ip, status, generation, observations });
        this.drop(entry);
        this.entries.delete(entry.record.id);
        this.fleet.notify();
    }

    /** Every box's status changes: for the fleet summary. */
    subscribeFleet(listener: () => void): () => void {
        return this.fleet.subscribe(listener);
    }

    statuses(): BoxStatus[] {
        return [...this.entries.values()].map((entry) => entry.status);
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

    private startWatching(entry: Entry): void {
        if (!isProbeable(entry.address)) return;
        // The first check waits for a timer even when due: a view mounting 1,000 rows renders
        // first, then the round starts (and the concurrency cap spreads it).
        const last = entry.status.lastCheckedAt;
        if (last !== undefined) this.schedule(entry, delayUntilDue(this.now() - last, this.options.freshMs));
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
        const abort = (entry.abort = new AbortController());
        this.channel.post({ type: "lease", tab: this.deps.tabId, box: entry.record.id, until: this.now() + this.options.leaseMs });
        this.update(entry, { checking: true, nextCheckAt: undefined });
        entry.inFlight = this.probe(entry, abort.signal, urgent).finally(() => {
            entry.inFlight = undefined;
            entry.abort = undefined;
        });
        return entry.inFlight;
    }

    private async probe(entry: Entry, signal: AbortSignal, urgent: boolean): Promise<void> {
        const outcome = await probeEntry(entry, this.deps, (task) => this.limiter.run(task, urgent), this.options.timeoutMs, signal);
        if (outcome.aborted || this.entries.get(entry.record.id) !== entry) return;
        entry.generation = outcome.generation ?? entry.generation;
        this.reports.offer(entry.record, outcome.observations.report);
        this.conclude(entry, diagnose(entry.address, outcome.observations, this.now(), databaseFacts(entry.record)), urgent);
        // Kept with the verdict shown; a failure waiting for its confirmation is not shown yet.
        if (!entry.pending) entry.observations = outcome.observations;
        const { record, status, generation } = entry;
        this.channel.post({ type: "verdict", tab: this.deps.tabId, box: record.id, ip: String(record.ip), verdict: status.verdict, generation });
    }

    /** Every verdict, this tab's or another's, comes through here: the flapping rule, then publish. */
    private conclude(entry: Entry, verdict: Verdict, urgent: boolean): void {
        const shown = entry.status.verdict.key;
        if (settle({ shown, pending: entry.pending?.key, next: verdict.key, urgent }) === "confirm") {
            entry.pending = verdict;
            this.update(entry, { checking: false });
            this.plan(entry, { cadence: "confirm", step: 0 });
            return;
        }
        entry.pending = undefined;
        const cadence = cadenceAfter(shown, entry, verdict.key);
        this.update(entry, { verdict, checking: false, lastCheckedAt: verdict.checkedAt ?? this.now() });
        this.plan(entry, cadence);
    }

    private plan(entry: Entry, { cadence, step }: CadenceState): void {
        entry.cadence = cadence;
        entry.step = step;
        const box18Error = isBox18Error(entry.generation, entry.status.verdict.key);
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
        const hidden = this.deps.visibility.hidden();
        for (const entry of this.entries.values()) {
            if (hidden) this.clearTimer(entry);
            if (hidden || entry.inFlight || !isProbeable(entry.address)) continue;
            const since = this.now() - (entry.status.lastCheckedAt ?? -Infinity);
            const delay = delayOnReturn(isBox18Error(entry.generation, entry.status.verdict.key), since, this.options.freshMs, this.options.schedule);
            if (delay === 0) void this.check(entry, false);
            else this.schedule(entry, delay);
        }
    }

    private onLeased(box: number, until: number): void {
        const entry = this.entries.get(box);
        if (entry) entry.leaseUntil = until;
    }

    private onReleased(box: number): void {
        const entry = this.entries.get(box);
        if (!entry || entry.leaseUntil === undefined) return;
        entry.leaseUntil = undefined;
        if (!entry.inFlight && !this.deps.visibility.hidden()) void this.check(entry, false);
    }

    private onHeard(box: number, ip: string, verdict: Verdict, generation: Generation | undefined): void {
        const entry = this.entries.get(box);
        if (!entry || String(entry.record.ip) !== ip || entry.inFlight) return;
        entry.leaseUntil = undefined;
        entry.generation = generation ?? entry.generation;
        this.conclude(entry, verdict, false);
        // Another tab's verdict was drawn from what it saw: this tab's older observations no longer match.
        if (!entry.pending) entry.observations = undefined;
    }

    private update(entry: Entry, change: Partial<BoxStatus>): void {
        entry.status = { ...entry.status, ...change };
        for (const listener of entry.listeners) listener(entry.status);
        this.fleet.notify();
    }

    private clearTimer(entry: Entry): void {
        if (entry.timer !== undefined) this.deps.net.clearTimeout(entry.timer);
        entry.timer = undefined;
    }

    private drop(entry: Entry): void {
        this.clearTimer(entry);
        entry.abort?.abort();
    }

    /** The store's clock, which dates every verdict: views count "… ago" and days by it too. */
    now(): number {
        return this.deps.net.now();
    }
}
