/**
 * Diagnosis: observations of one box + the time → a verdict. Pure and synchronous.
 *
 * Rules, first match wins ("name" = https://<name>/, "name http" = http://<name>:8069/,
 * "lan" = http://<lan-ip>:8069/, "report" = what the box's status endpoint said):
 *
 * | #  | when                                                                 | verdict                  |
 * |----|----------------------------------------------------------------------|--------------------------|
 * | 1  | address empty or malformed                                           | invalid_address          |
 * | 2  | nothing observed yet                                                 | checking                 |
 * | 3  | report carries one of the six codes                                  | that code (+status/detail)|
 * | 4  | report carries text the catalog does not know                        | unknown_code (verbatim)  |
 * | 5  | a known end date (report, else database) has passed                  | expired                  |
 * | 6  | a known end date is less than 10 days away                           | renewal_overdue          |
 * | 7  | plain-IP address (box answered), or report says no/temporary cert.  | no_certificate           |
 * | 8  | report unreadable, and name answered or name http not tried          | unreadable_answer        |
 * | 9  | name answered                                                        | ok (with validity if known) |
 * | 10 | name failed, box answered elsewhere, name http answered              | certificate_rejected     |
 * | 11 | name failed, box answered elsewhere, name http failed                | dns_issue                |
 * | 12 | name failed, box answered elsewhere, name http not allowed here      | https_blocked            |
 * | 13 | nothing answered, local network permission not granted               | local_network_permission |
 * | 14 | nothing answered                                                     | unreachable              |
 *
 * "Box answered elsewhere" = the lan probe answered or a report arrived. Codes and dates come
 * first because the box's own word about its certificate outranks what this browser can infer.
 */
import type { BoxAddress } from "./address";
import type { CatalogKey } from "./catalog";
import type { BoxObservations, BoxReport, Generation, UnreadableAnswer } from "./observations";

export const DAY_MS = 86_400_000;
export const RENEWAL_DAYS = 10;

export interface Verdict {
    key: CatalogKey;
    /** The `ERR_IOT_HTTPS_*` code, or the unknown text verbatim. */
    code?: string;
    /** The 3-digit HTTP status of `…_LOAD_REQUEST_STATUS`. */
    status?: string;
    /** Free text from the box or the probe (exception text, unreadable reason); show as text. */
    detail?: string;
    /** Certificate end, ms since epoch, when known. */
    validUntil?: number;
    daysLeft?: number;
    subject?: string;
    generation?: Generation;
    /** The rule that decided (row of the table above), for support summaries and tests. */
    rule: number;
    checkedAt?: number;
}

export function diagnose(address: BoxAddress, obs: BoxObservations | undefined, now: number): Verdict {
    if (address.kind === "empty") return { key: "invalid_address", rule: 1, detail: "empty" };
    if (address.kind === "malformed") return { key: "invalid_address", rule: 1, detail: address.text };
    if (!obs) return { key: "checking", rule: 2 };

    const base = { checkedAt: obs.checkedAt, generation: generationOf(obs.report) };
    const report = obs.report?.kind === "report" ? obs.report : undefined;
    const certificate = report?.certificate;
    if (certificate?.kind === "error") {
        const { code, status, detail } = certificate;
        return { ...base, key: code, code, status, detail, rule: 3 };
    }
    if (certificate?.kind === "unknown") {
        return { ...base, key: "unknown_code", code: certificate.text, rule: 4 };
    }

    const reportedEnd = certificate?.kind === "valid" ? certificate.expiresAt : undefined;
    const validUntil = reportedEnd ?? obs.databaseEndDate;
    const validity =
        validUntil === undefined ? {} : { validUntil, daysLeft: Math.floor((validUntil - now) / DAY_MS) };
    const subject = certificate?.kind === "valid" ? certificate.subject : undefined;
    const dated = { ...base, ...validity, ...(subject ? { subject } : {}) };
    if (validUntil !== undefined && validUntil <= now) return { ...dated, key: "expired", rule: 5 };
    if (validUntil !== undefined && validUntil - now < RENEWAL_DAYS * DAY_MS) {
        return { ...dated, key: "renewal_overdue", rule: 6 };
    }

    const boxAnswered = obs.lan?.kind === "answered" || obs.report !== undefined;
    if (address.kind === "plain_ip" || certificate?.kind === "missing") {
        if (address.kind === "plain_ip" && !boxAnswered) return notAnswering(obs, base);
        return { ...dated, key: "no_certificate", rule: 7 };
    }

    if (obs.report?.kind === "unreadable" && (obs.name?.kind === "answered" || !obs.nameHttp)) {
        return unreadable(obs.report, dated);
    }
    if (obs.name?.kind === "answered") return { ...dated, key: "ok", rule: 9 };
    if (boxAnswered) {
        if (obs.nameHttp?.kind === "answered") return { ...dated, key: "certificate_rejected", rule: 10 };
        if (obs.nameHttp?.kind === "failed" || obs.nameHttp?.kind === "timeout") {
            return { ...dated, key: "dns_issue", rule: 11 };
        }
        return { ...dated, key: "https_blocked", rule: 12 };
    }
    return notAnswering(obs, base);
}

function notAnswering(obs: BoxObservations, base: Partial<Verdict>): Verdict {
    if (obs.localNetwork === "denied" || obs.localNetwork === "prompt") {
        return { ...base, key: "local_network_permission", rule: 13 };
    }
    const timedOut = obs.name?.kind === "timeout" || obs.lan?.kind === "timeout";
    return { ...base, key: "unreachable", rule: 14, ...(timedOut ? { detail: "timeout" } : {}) };
}

function unreadable(answer: UnreadableAnswer, base: Partial<Verdict>): Verdict {
    const detail = answer.excerpt ? `${answer.reason}: ${answer.excerpt}` : answer.reason;
    return { ...base, key: "unreadable_answer", detail, rule: 8 };
}

function generationOf(report: BoxReport | UnreadableAnswer | undefined): Generation | undefined {
    return report && report.kind !== "unreadable" ? report.generation : undefined;
}
