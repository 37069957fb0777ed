/**
 * What the store knows of one box and hands to every view: the record fields it reads, and the
 * status it publishes.
 */
import type { BoxAddress } from "../core/address";
import type { DatabaseFacts, Verdict } from "../core/diagnosis";
import { parseBoxDate } from "../core/parsers";
import type { StoredReport, StoredState } from "../core/stored_report";

/** The fields of an `iot.box` record the store reads. */
export interface BoxRecord {
    id: number;
    ip: unknown;
    version?: unknown;
    /**
     * `https_certificate_box_end_date`: the end date a 19.0 box wrote to the database
     * (`ssl_certificate_end_date`), empty on other series. The web client gives a luxon
     * DateTime; a server string or `false` is read too.
     */
    boxEndDate?: unknown;
    /** `https_certificate_state`, `_end_date`, `_error`, `_reported_at`: the box's last stored report. */
    stored?: { state: unknown; endDate: unknown; error: unknown; reportedAt: unknown };
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

/** Only a name or an IP address can be asked; anything else is shown as it is, never probed. */
export function isProbeable(address: BoxAddress): boolean {
    return address.kind === "named" || address.kind === "plain_ip";
}

/**
 * The same box with the same facts: nothing to draw again (a row's badge subscribes after its
 * link, with the same record). The web client's facts are plain values
 * (`https_certificate_facts`); anything else counts as a change, which is only slower.
 */
export function sameBoxFacts(a: BoxRecord, b: BoxRecord): boolean {
    const [x, y] = [a.stored, b.stored];
    return a.id === b.id && a.ip === b.ip && a.version === b.version && a.boxEndDate === b.boxEndDate &&
        x?.state === y?.state && x?.endDate === y?.endDate && x?.error === y?.error && x?.reportedAt === y?.reportedAt;
}

export function databaseFacts(record: BoxRecord): DatabaseFacts {
    const endDate = instantOf(record.boxEndDate);
    const stored = storedReportOf(record);
    return { ...(endDate === undefined ? {} : { endDate }), ...(stored ? { stored } : {}) };
}

const STORED_STATES = ["ok", "renewal_due", "expired", "error", "no_valid"];

/** The record's stored report; undefined when there is none, or its state is not one we know. */
export function storedReportOf(record: BoxRecord): StoredReport | undefined {
    const stored = record.stored;
    if (!stored || typeof stored.state !== "string" || !STORED_STATES.includes(stored.state)) return undefined;
    return {
        state: stored.state as StoredState,
        endDate: instantOf(stored.endDate),
        error: typeof stored.error === "string" && stored.error ? stored.error : undefined,
        reportedAt: instantOf(stored.reportedAt),
    };
}

/** A datetime field's value: the web client gives a luxon DateTime; a server string or `false` is read too. */
function instantOf(value: unknown): number | undefined {
    const date = value as { toMillis?: () => number } | string | false | undefined;
    let ms: number | undefined;
    if (typeof date === "string") ms = parseBoxDate(date);
    else if (date && typeof date.toMillis === "function") ms = date.toMillis();
    return ms === undefined || Number.isNaN(ms) ? undefined : ms;
}
