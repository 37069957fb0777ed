/** The store's bookkeeping for one watched box. */
import { parseBoxAddress } from "../core/address";
import type { BoxAddress } from "../core/address";
import { diagnose } from "../core/diagnosis";
import type { Verdict } from "../core/diagnosis";
import type { Generation } from "../core/generation";
import type { CadenceState } from "../core/schedule";
import type { BoxRecord, BoxStatus, StatusListener } from "./box_status";

export interface Entry extends CadenceState {
    record: BoxRecord;
    address: BoxAddress;
    listeners: Set<StatusListener>;
    status: BoxStatus;
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
}

/**
 * A new entry for `record`. A cached status of the same address is shown again at once (a view
 * opened again does not flash "Checking…"), and the generation found is kept (the next check
 * is one request); a changed address starts over.
 */
export function newEntry(record: BoxRecord, cached: CachedStatus | undefined, now: number): Entry {
    const address = parseBoxAddress(record.ip);
    const reuse = cached !== undefined && cached.ip === record.ip ? cached.status : undefined;
    const status: BoxStatus = {
        boxId: record.id,
        address,
        verdict: reuse ? reuse.verdict : diagnose(address, undefined, now),
        checking: false,
        lastCheckedAt: reuse?.lastCheckedAt,
    };
    const generation = reuse ? cached?.generation : undefined;
    return { record, address, listeners: new Set(), status, cadence: "failing", step: 0, generation };
}
