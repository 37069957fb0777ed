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
    /** 19.0 only: the end date the box itself wrote to the database. */
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

/** Only a name or an IP address can be asked; anything else is shown as it is, never probed. */
export function isProbeable(address: BoxAddress): boolean {
    return address.kind === "named" || address.kind === "plain_ip";
}

/** `ssl_certificate_end_date` as the ORM sends it: "YYYY-MM-DD HH:mm:ss" in UTC, or false. */
export function databaseFacts(record: BoxRecord): DatabaseFacts {
    const value = record.ssl_certificate_end_date;
    const endDate = typeof value === "string" ? parseBoxDate(value) : undefined;
    return endDate === undefined ? {} : { endDate };
}
