/**
 * What the database keeps of a box's own report (`iot.box.https_certificate_*`), and what a
 * browser sends it. Only what the box says about itself goes there, never what one browser sees
 * of its path to the box: that differs from one computer to the next.
 */
import type { CatalogKey } from "./catalog";
import { DAY_MS, RENEWAL_DAYS } from "./days";
import { ERROR_CODES } from "./observations";
import { parseBoxDate } from "./parsers";
import type { CertificateReport, ErrorCode } from "./observations";

export type StoredState = "ok" | "renewal_due" | "expired" | "error" | "no_valid";

/** The stored fields, as ms since epoch and plain strings. */
export interface StoredReport {
    state: StoredState;
    endDate?: number;
    /** A documented code, and its 3-digit status after a space. */
    error?: string;
    reportedAt?: number;
}

/** One box's report as `iot.box.report_https_certificate` takes it. */
export interface OutgoingReport {
    id: number;
    state: StoredState;
    end_date?: string;
    error?: ErrorCode;
    status?: string;
}

/** The database's copy is refreshed once it is this old, even when nothing changed. */
export const REFRESH_MS = 12 * 3_600_000;
/** A stored report older than this is shown as stale. */
export const STALE_MS = 2 * DAY_MS;

/**
 * What to store of a box's own report; undefined when there is nothing the database keeps
 * (a text the catalog does not know).
 */
export function outgoingReport(id: number, certificate: CertificateReport, now: number): OutgoingReport | undefined {
    switch (certificate.kind) {
        case "error":
            return { id, state: "error", error: certificate.code, ...(certificate.status ? { status: certificate.status } : {}) };
        case "missing":
        case "no_valid":
            return { id, state: "no_valid" };
        case "valid": {
            const end = certificate.expiresAt;
            if (end === undefined) return { id, state: "ok" };
            return { id, state: datedState(end, now), end_date: serverDate(end) };
        }
        default:
            return undefined;
    }
}

/** Whether the database must hear this report: it says something new, or its copy is 12 h old. */
export function needsReport(report: OutgoingReport, stored: StoredReport | undefined, now: number): boolean {
    if (!stored || stored.reportedAt === undefined || now - stored.reportedAt >= REFRESH_MS) return true;
    const end = stored.endDate === undefined ? undefined : serverDate(stored.endDate);
    return report.state !== stored.state || report.end_date !== end || errorText(report) !== stored.error;
}

/** What the database keeps once it took a report, as the stored fields read. */
export function storedOf(report: OutgoingReport, reportedAt: number): StoredReport {
    return { state: report.state, endDate: report.end_date ? parseBoxDate(report.end_date) : undefined, error: errorText(report), reportedAt };
}

/** `https_certificate_error`: the code, and its 3-digit status after a space. */
function errorText(report: OutgoingReport): string | undefined {
    return report.error && (report.status ? `${report.error} ${report.status}` : report.error);
}

/** The catalog state a stored report reads as today: its end date counts, not the stored word. */
export function storedKey(stored: StoredReport, now: number): { key: CatalogKey; code?: ErrorCode; status?: string } {
    if (stored.state === "error") {
        const [code, status] = (stored.error ?? "").split(" ");
        const known = (ERROR_CODES as readonly string[]).includes(code) ? (code as ErrorCode) : undefined;
        return known ? { key: known, code: known, ...(status ? { status } : {}) } : { key: "unknown_code" };
    }
    if (stored.state === "no_valid") return { key: "no_valid_certificate" };
    if (stored.endDate === undefined) return { key: stored.state === "ok" ? "ok" : stored.state === "expired" ? "expired" : "renewal_overdue" };
    const state = datedState(stored.endDate, now);
    return { key: state === "renewal_due" ? "renewal_overdue" : state };
}

function datedState(end: number, now: number): "ok" | "renewal_due" | "expired" {
    if (end <= now) return "expired";
    return end - now < RENEWAL_DAYS * DAY_MS ? "renewal_due" : "ok";
}

/** "2027-02-01 00:00:00": the server's UTC datetime format, to the second. */
export function serverDate(ms: number): string {
    return new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19).replace("T", " ");
}
