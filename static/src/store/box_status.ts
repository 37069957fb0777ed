/**
 * What the store knows of one box and hands to every view: the record fields it reads, and the
 * status it publishes.
 */
import type { BoxAddress } from "../core/address";
import type { DatabaseFacts, Verdict } from "../core/diagnosis";
import { parseBoxDate } from "../core/parsers";

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

export function databaseFacts(record: BoxRecord): DatabaseFacts {
    const value = record.boxEndDate as { toMillis?: () => number } | string | false | undefined;
    let endDate: number | undefined;
    if (typeof value === "string") endDate = parseBoxDate(value);
    else if (value && typeof value.toMillis === "function") endDate = value.toMillis();
    return endDate === undefined || Number.isNaN(endDate) ? {} : { endDate };
}
