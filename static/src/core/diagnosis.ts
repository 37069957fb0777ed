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
 * | name_refused        | name failed, box answered elsewhere, name http answered          | certificate_rejected, or expired when a known end passed |
 * | name_unresolved     | name failed, box answered elsewhere, name http failed            | dns_issue                |
 * | name_untestable     | name failed, box answered elsewhere, name http not allowed here  | https_blocked            |
 * | box_code            | report carries one of the six codes                              | that code (+status/detail)|
 * | box_unknown_text    | report carries text the catalog does not know                    | unknown_code (verbatim)  |
 * | box_silent          | the address answered, but nothing readable (a front, no Odoo)    | box_odoo_down            |
 * | status_timeout      | the status route timed out, the hello answered                   | status_hanging           |
 * | status_failed       | a box known to have a status route: it failed, the hello answered| status_failing           |
 * | end_passed          | a known end date (report, else database) has passed              | expired                  |
 * | end_within_renewal  | a known end date is less than 10 days away                       | renewal_overdue          |
 * | box_no_valid_trusted| a 19 box reports no end date over an HTTPS name this browser trusts | renewal_overdue       |
 * | box_no_valid        | a 19 box reports no end date (none, temporary, or renewal due)   | no_valid_certificate     |
 * | no_certificate      | plain-IP address (box answered), or report says no/temporary cert| no_certificate           |
 * | answer_unreadable   | report unreadable, and name answered or name http not tried      | unreadable_answer        |
 * | name_answered       | name answered                                                    | ok (with validity if known) |
 * | permission_missing  | nothing answered, local network permission not granted           | local_network_permission |
 * | nothing_answered    | nothing answered                                                 | unreachable              |
 *
 * When nothing answered, the verdict also carries the box's last report stored in the database
 * (`stored`): what the box said about itself, heard by some browser, for the admin who is not
 * on the box's network. The verdict stays this browser's own: "unreachable from here".
 *
 * "Box answered elsewhere" = the lan probe answered or a report arrived. This browser's own
 * evidence about the name comes first: a certificate it rejects is rejected whatever the box
 * says on its IP, and what the box says is kept as `boxReport`, a detail under it. Then the
 * box's own word (codes, dates) outranks what this browser can infer, but only a box that
 * answers its status route reports anything: an error page or a silent route is never "OK".
 */
import type { BoxAddress } from "./address";
import type { CatalogKey } from "./catalog";
import { DAY_MS, RENEWAL_DAYS } from "./days";
import type { Generation } from "./generation";
import type { BoxObservations, CertificateReport, ParsedAnswer, UnreadableAnswer } from "./observations";
import { storedKey } from "./stored_report";
import type { StoredReport } from "./stored_report";

export type Rule =
    | "address_invalid"
    | "not_checked"
    | "box_code"
    | "box_unknown_text"
    | "box_silent"
    | "status_timeout"
    | "status_failed"
    | "end_passed"
    | "end_within_renewal"
    | "box_no_valid_trusted"
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
    /**
     * What the box itself said on its IP address when this browser's evidence about the name
     * decided the verdict (a rejected certificate, a DNS issue): a detail under the verdict.
     */
    boxReport?: { key: CatalogKey; code?: string; status?: string };
    /** This browser reached the box's HTTPS name (DNS and TLS worked from here). */
    nameAnswered?: boolean;
    /** The box answered on its LAN address (`http://<ip>:8069`) from here. */
    lanAnswered?: boolean;
    generation?: Generation;
    /** The rule of the table above that decided, for support summaries and tests. */
    rule: Rule;
    checkedAt?: number;
}

export function diagnose(address: BoxAddress, obs: BoxObservations | undefined, now: number, database: DatabaseFacts = {}): Verdict {
    if (address.kind === "empty") return { key: "invalid_address", rule: "address_invalid", detail: "empty" };
    if (address.kind === "malformed") return { key: "invalid_address", rule: "address_invalid", detail: address.text };
    if (!obs) return { key: "checking", rule: "not_checked" };

    const base = {
        checkedAt: obs.checkedAt,
        generation: obs.statusGeneration ?? generationOf(obs.report),
        ...(obs.name?.kind === "answered" ? { nameAnswered: true } : {}),
        ...(obs.lan?.kind === "answered" ? { lanAnswered: true } : {}),
    };
    const report = obs.report?.kind === "report" ? obs.report : undefined;
    const certificate = report?.certificate;
    const reportedEnd = certificate?.kind === "valid" ? certificate.expiresAt : undefined;
    const validUntil = reportedEnd ?? database.endDate;
    const validity =
        validUntil === undefined ? {} : { validUntil, endFromDatabase: reportedEnd === undefined };
    const subject = certificate?.kind === "valid" ? certificate.subject : undefined;
    const dated = { ...base, ...validity, ...(subject ? { subject } : {}) };
    // The best end date known: the box's word here, else the database's (19.0's own, or the
    // last stored report's).
    const knownEnd = reportedEnd ?? latest(database.endDate, database.stored?.endDate);
    const knownValidity = knownEnd === undefined ? {} : { validUntil: knownEnd, endFromDatabase: reportedEnd === undefined };

    const boxAnswered = obs.lan?.kind === "answered" || obs.report !== undefined;
    const nameFailed = obs.name !== undefined && obs.name.kind !== "answered";
    if (nameFailed && boxAnswered && !(obs.report?.kind === "unreadable" && !obs.nameHttp)) {
        const expired = knownEnd !== undefined && knownEnd <= now;
        return nameVerdict(obs, { ...dated, ...(expired ? knownValidity : {}), ...boxReportOf(certificate) }, expired);
    }

    if (certificate?.kind === "error") {
        const { code, status, detail } = certificate;
        return { ...base, key: code, code, status, detail, rule: "box_code" };
    }
    if (certificate?.kind === "unknown") {
        return { ...base, key: "unknown_code", code: certificate.text, rule: "box_unknown_text" };
    }
    if (!report && obs.report?.kind !== "unreadable" && obs.statusRoute) {
        if (obs.statusRoute === "silent") return { ...dated, key: "box_odoo_down", rule: "box_silent" };
        if (obs.statusRoute === "timeout") return { ...dated, key: "status_hanging", rule: "status_timeout" };
        return { ...dated, key: "status_failing", rule: "status_failed" };
    }

    if (validUntil !== undefined && validUntil <= now) return { ...dated, key: "expired", rule: "end_passed" };
    if (validUntil !== undefined && validUntil - now < RENEWAL_DAYS * DAY_MS) {
        return { ...dated, key: "renewal_overdue", rule: "end_within_renewal" };
    }

    if (certificate?.kind === "no_valid") {
        // Over an HTTPS name this browser trusts, the certificate is neither missing, temporary
        // (self-signed) nor expired: the box says nothing because fewer than 10 days are left.
        if (obs.name?.kind !== "answered") return { ...dated, key: "no_valid_certificate", rule: "box_no_valid" };
        const inRenewal = knownEnd !== undefined && knownEnd > now && knownEnd - now < RENEWAL_DAYS * DAY_MS;
        return { ...base, ...(inRenewal ? knownValidity : {}), key: "renewal_overdue", rule: "box_no_valid_trusted" };
    }

    if (address.kind === "plain_ip" || certificate?.kind === "missing") {
        if (address.kind === "plain_ip" && !boxAnswered) return notAnswering(obs, dated, database, now);
        return { ...dated, key: "no_certificate", rule: "no_certificate" };
    }

    if (obs.report?.kind === "unreadable" && (obs.name?.kind === "answered" || !obs.nameHttp)) {
        return unreadableVerdict(obs.report, dated);
    }
    if (obs.name?.kind === "answered") return { ...dated, key: "ok", rule: "name_answered" };
    // Out of reach from here: what the box last told the database still tells its state.
    return notAnswering(obs, dated, database, now);
}

/**
 * The HTTPS name failed from here while the box answered elsewhere: this browser's own
 * evidence decides. A name that resolves (its plain HTTP answered) presents a certificate this
 * browser refuses, an expired one when a known end date has passed.
 */
function nameVerdict(obs: BoxObservations, dated: Partial<Verdict>, expired: boolean): Verdict {
    if (obs.nameHttp?.kind === "answered") return { ...dated, key: expired ? "expired" : "certificate_rejected", rule: "name_refused" };
    if (obs.nameHttp?.kind === "failed" || obs.nameHttp?.kind === "timeout") return { ...dated, key: "dns_issue", rule: "name_unresolved" };
    return { ...dated, key: "https_blocked", rule: "name_untestable" };
}

/** What the box itself reported, as a detail under a verdict this browser's evidence decided. */
function boxReportOf(certificate: CertificateReport | undefined): Partial<Verdict> {
    if (!certificate) return {};
    switch (certificate.kind) {
        case "error":
            return { boxReport: { key: certificate.code, code: certificate.code, ...(certificate.status ? { status: certificate.status } : {}) }, ...(certificate.detail ? { detail: certificate.detail } : {}) };
        case "unknown":
            return { boxReport: { key: "unknown_code", code: certificate.text } };
        case "no_valid":
            return { boxReport: { key: "no_valid_certificate" } };
        case "missing":
            return { boxReport: { key: "no_certificate" } };
        default:
            return { boxReport: { key: "ok" } };
    }
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
