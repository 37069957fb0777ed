/**
 * Diagnosis: observations of one box, what the database knows of it, and the time → a verdict.
 * Pure and synchronous.
 *
 * Rules, first match wins ("name" = https://<name>/, "name http" = http://<name>:8069/,
 * "lan" = http://<lan-ip>:8069/, "report" = what the box's status endpoint said):
 *
 * | rule                | when                                                             | verdict                  |
 * |---------------------|------------------------------------------------------------------|--------------------------|
 * | address_invalid     | address empty or malformed                                       | invalid_address          |
 * | not_checked         | nothing observed yet                                             | checking                 |
 * | box_code            | report carries one of the six codes                              | that code (+status/detail)|
 * | box_unknown_text    | report carries text the catalog does not know                    | unknown_code (verbatim)  |
 * | end_passed          | a known end date (report, else database) has passed              | expired                  |
 * | end_within_renewal  | a known end date is less than 10 days away                       | renewal_overdue          |
 * | box_no_valid        | a 19 box reports no end date (none, temporary, or renewal due)   | no_valid_certificate     |
 * | no_certificate      | plain-IP address (box answered), or report says no/temporary cert| no_certificate           |
 * | answer_unreadable   | report unreadable, and name answered or name http not tried      | unreadable_answer        |
 * | name_answered       | name answered                                                    | ok (with validity if known) |
 * | name_refused        | name failed, box answered elsewhere, name http answered          | certificate_rejected     |
 * | name_unresolved     | name failed, box answered elsewhere, name http failed            | dns_issue                |
 * | name_untestable     | name failed, box answered elsewhere, name http not allowed here  | https_blocked            |
 * | permission_missing  | nothing answered, local network permission not granted           | local_network_permission |
 * | nothing_answered    | nothing answered                                                 | unreachable              |
 *
 * When nothing answered, the verdict also carries the box's last report stored in the database
 * (`stored`): what the box said about itself, heard by some browser, for the admin who is not
 * on the box's network. The verdict stays this browser's own: "unreachable from here".
 *
 * "Box answered elsewhere" = the lan probe answered or a report arrived. Codes and dates come
 * first because the box's own word about its certificate outranks what this browser can infer.
 */
import type { BoxAddress } from "./address";
import type { CatalogKey } from "./catalog";
import { DAY_MS, RENEWAL_DAYS } from "./days";
import type { Generation } from "./generation";
import type { BoxObservations, ParsedAnswer, UnreadableAnswer } from "./observations";
import { storedKey } from "./stored_report";
import type { StoredReport } from "./stored_report";

export type Rule =
    | "address_invalid"
    | "not_checked"
    | "box_code"
    | "box_unknown_text"
    | "end_passed"
    | "end_within_renewal"
    | "box_no_valid"
    | "no_certificate"
    | "answer_unreadable"
    | "name_answered"
    | "name_refused"
    | "name_unresolved"
    | "name_untestable"
    | "permission_missing"
    | "nothing_answered";

/**
 * What the database knows of the box, apart from what this browser's probes see:
 * `iot.box.ssl_certificate_end_date`, written by 19.0 boxes themselves (ms since epoch), and
 * the box's last report as a browser stored it.
 */
export interface DatabaseFacts {
    endDate?: number;
    stored?: StoredReport;
}

/** The stored report a verdict shows when this browser cannot reach the box. */
export interface StoredVerdict {
    key: CatalogKey;
    code?: string;
    status?: string;
    /** When a browser last heard the box's own report, ms since epoch. */
    reportedAt?: number;
}

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
    /** The end date is the one the box last wrote to the database, not one heard here. */
    endFromDatabase?: boolean;
    subject?: string;
    /** Out of reach from here: what the box last reported to the database. */
    stored?: StoredVerdict;
    /** This browser reached the box's HTTPS name (DNS and TLS worked from here). */
    nameAnswered?: boolean;
    generation?: Generation;
    /** The rule of the table above that decided, for support summaries and tests. */
    rule: Rule;
    checkedAt?: number;
}

export function diagnose(address: BoxAddress, obs: BoxObservations | undefined, now: number, database: DatabaseFacts = {}): Verdict {
    if (address.kind === "empty") return { key: "invalid_address", rule: "address_invalid", detail: "empty" };
    if (address.kind === "malformed") return { key: "invalid_address", rule: "address_invalid", detail: address.text };
    if (!obs) return { key: "checking", rule: "not_checked" };

    const base = { checkedAt: obs.checkedAt, generation: generationOf(obs.report), ...(obs.name?.kind === "answered" ? { nameAnswered: true } : {}) };
    const report = obs.report?.kind === "report" ? obs.report : undefined;
    const certificate = report?.certificate;
    if (certificate?.kind === "error") {
        const { code, status, detail } = certificate;
        return { ...base, key: code, code, status, detail, rule: "box_code" };
    }
    if (certificate?.kind === "unknown") {
        return { ...base, key: "unknown_code", code: certificate.text, rule: "box_unknown_text" };
    }

    const reportedEnd = certificate?.kind === "valid" ? certificate.expiresAt : undefined;
    const validUntil = reportedEnd ?? database.endDate;
    const validity =
        validUntil === undefined ? {} : { validUntil, endFromDatabase: reportedEnd === undefined };
    const subject = certificate?.kind === "valid" ? certificate.subject : undefined;
    const dated = { ...base, ...validity, ...(subject ? { subject } : {}) };
    if (validUntil !== undefined && validUntil <= now) return { ...dated, key: "expired", rule: "end_passed" };
    if (validUntil !== undefined && validUntil - now < RENEWAL_DAYS * DAY_MS) {
        return { ...dated, key: "renewal_overdue", rule: "end_within_renewal" };
    }

    if (certificate?.kind === "no_valid") return { ...dated, key: "no_valid_certificate", rule: "box_no_valid" };

    const boxAnswered = obs.lan?.kind === "answered" || obs.report !== undefined;
    if (address.kind === "plain_ip" || certificate?.kind === "missing") {
        if (address.kind === "plain_ip" && !boxAnswered) return notAnswering(obs, dated, database, now);
        return { ...dated, key: "no_certificate", rule: "no_certificate" };
    }

    if (obs.report?.kind === "unreadable" && (obs.name?.kind === "answered" || !obs.nameHttp)) {
        return unreadableVerdict(obs.report, dated);
    }
    if (obs.name?.kind === "answered") return { ...dated, key: "ok", rule: "name_answered" };
    if (boxAnswered) {
        if (obs.nameHttp?.kind === "answered") return { ...dated, key: "certificate_rejected", rule: "name_refused" };
        if (obs.nameHttp?.kind === "failed" || obs.nameHttp?.kind === "timeout") {
            return { ...dated, key: "dns_issue", rule: "name_unresolved" };
        }
        return { ...dated, key: "https_blocked", rule: "name_untestable" };
    }
    // Out of reach from here: what the box last told the database still tells its state.
    return notAnswering(obs, dated, database, now);
}

function notAnswering(obs: BoxObservations, dated: Partial<Verdict>, database: DatabaseFacts, now: number): Verdict {
    const { stored } = database;
    let base = dated;
    if (stored) {
        // The stored end date counts only here, where this browser has nothing fresher.
        const validUntil = latest(dated.validUntil, stored.endDate);
        const dates = validUntil === undefined ? {} : { validUntil, endFromDatabase: true };
        base = { ...dated, ...dates, stored: { ...storedKey(stored, now), reportedAt: stored.reportedAt } };
    }
    if (obs.localNetwork === "denied" || obs.localNetwork === "prompt") {
        return { ...base, key: "local_network_permission", rule: "permission_missing" };
    }
    const timedOut = obs.name?.kind === "timeout" || obs.lan?.kind === "timeout";
    return { ...base, key: "unreachable", rule: "nothing_answered", ...(timedOut ? { detail: "timeout" } : {}) };
}

/** The later of two end dates: a renewed certificate always ends later. */
function latest(a: number | undefined, b: number | undefined): number | undefined {
    return a === undefined ? b : b === undefined ? a : Math.max(a, b);
}

function unreadableVerdict(answer: UnreadableAnswer, base: Partial<Verdict>): Verdict {
    const detail = answer.excerpt ? `${answer.reason}: ${answer.excerpt}` : answer.reason;
    return { ...base, key: "unreadable_answer", detail, rule: "answer_unreadable" };
}

function generationOf(answer: ParsedAnswer | undefined): Generation | undefined {
    return answer && answer.kind !== "unreadable" ? answer.generation : undefined;
}
