/** The store's bookkeeping for one watched box. */
import { parseBoxAddress } from "../core/address";
import type { BoxAddress } from "../core/address";
import { diagnose } from "../core/diagnosis";
import type { Verdict } from "../core/diagnosis";
import type { Generation } from "../core/generation";
import type { BoxObservations } from "../core/observations";
import { generationOrder } from "../core/generation";
import type { CadenceState } from "../core/schedule";
import { databaseFacts } from "./box_status";
import type { BoxRecord, BoxStatus, StatusListener } from "./box_status";
import { probeBox } from "./probes";
import type { ProbeNet, ProbeOutcome } from "./probes";
import type { StoreDeps } from "./store_options";

export interface Entry extends CadenceState {
    record: BoxRecord;
    address: BoxAddress;
    listeners: Set<StatusListener>;
    status: BoxStatus;
    /** What this tab's last probe saw: the verdict is drawn again from it when the facts change. */
    observations?: BoxObservations;
    /** A worse verdict seen once, waiting for its confirmation probe. */
    pending?: Verdict;
    generation?: Generation;
    timer?: unknown;
    inFlight?: Promise<void>;
    abort?: AbortController;
    leaseUntil?: number;
}

/** A status left behind when the last view of a box closed. */
export interface CachedStatus {
    ip: unknown;
    status: BoxStatus;
    generation?: Generation;
    observations?: BoxObservations;
}

/**
 * A new entry for `record`. A cached status of the same address is shown again at once (a view
 * opened again does not flash "Checking…"), and the generation found is kept (the next check
 * is one request); a changed address starts over.
 */
export function newEntry(record: BoxRecord, cached: CachedStatus | undefined, now: number): Entry {
    const address = parseBoxAddress(record.ip);
    const reuse = cached !== undefined && cached.ip === record.ip ? cached : undefined;
    const observations = reuse?.observations;
    const status: BoxStatus = {
        boxId: record.id,
        address,
        verdict: observations ? diagnose(address, observations, now, databaseFacts(record)) : reuse ? reuse.status.verdict : diagnose(address, undefined, now),
        checking: false,
        lastCheckedAt: reuse?.status.lastCheckedAt,
    };
    return { record, address, listeners: new Set(), status, cadence: "failing", step: 0, generation: reuse?.generation, observations };
}

/**
 * The verdict for the record's new facts (what the database knows changed: the web client
 * showed a cached copy first, or another user's report arrived), drawn again from what this
 * tab last saw; undefined when it saw nothing yet.
 */
export function verdictForFacts(entry: Entry, record: BoxRecord, now: number): Verdict | undefined {
    entry.record = record;
    return entry.observations && diagnose(entry.address, entry.observations, now, databaseFacts(record));
}

/** Probes an entry's box: the generation an earlier check found first, then the likeliest. */
export function probeEntry(entry: Entry, deps: StoreDeps, limit: ProbeNet["limit"], timeoutMs: number, signal: AbortSignal): Promise<ProbeOutcome> {
    const net: ProbeNet = { ...deps.net, pageProtocol: deps.pageProtocol, localNetworkPermission: deps.localNetworkPermission, limit };
    const order = generationOrder(entry.generation, deps.databaseSeries, entry.record.version);
    return probeBox(net, { address: entry.address, order, known: entry.generation, timeoutMs, signal });
}
