/**
 * Payload parsers: turn whatever a box (or anything posing as one) answered into a typed
 * report or a typed "unreadable answer". They never throw, and they copy out only the fields
 * they need, so `db_uuid` and `enterprise_code` never leave this file.
 */
import { shorten } from "./address";
import { DAY_MS, RENEWAL_DAYS } from "./days";
import { ERROR_CODES } from "./observations";
import type { CertificateReport, ErrorCode, ParsedAnswer, UnreadableAnswer, UnreadableReason } from "./observations";

/** Probes read at most this many characters; a status answer is a few hundred. */
export const MAX_ANSWER_CHARS = 64 * 1024;
const MAX_DETAIL_CHARS = 2000;
export const TEMPORARY_CN = "OdooTempIoTBoxCertificate";

/** `GET /hw_posbox_homepage/data` on 18.0 (and saas-18.1 to 18.3). */
export function parseHomepageData(text: unknown): ParsedAnswer {
    const json = readJson(text);
    if ("kind" in json) return json;
    const ok = json.value.is_certificate_ok;
    const details = json.value.certificate_details;
    if (typeof ok !== "boolean" || !(typeof details === "string" || details === undefined || details === null)) {
        return unreadable("wrong_shape", text);
    }
    return { kind: "report", generation: "18", certificate: readDetails(ok, details ?? "") };
}

/** `GET /iot_drivers/data` on saas-18.4 / 19.0. */
export function parseIotDriversData(text: unknown): ParsedAnswer {
    const json = readJson(text);
    if ("kind" in json) return json;
    if (!("certificate_end_date" in json.value)) return unreadable("wrong_shape", text);
    const end = json.value.certificate_end_date;
    if (end === null || end === false || end === "") {
        return { kind: "report", generation: "19", certificate: { kind: "no_valid" } };
    }
    const expiresAt = typeof end === "string" ? parseBoxDate(end) : undefined;
    if (expiresAt === undefined) return unreadable("wrong_shape", text);
    return { kind: "report", generation: "19", certificate: { kind: "valid", expiresAt } };
}

/** `GET /hw_proxy/hello`: every generation answers the plain text `ping`. */
export function parseHello(text: unknown): ParsedAnswer {
    if (typeof text !== "string" || text.length === 0) return unreadable("empty", text);
    if (text.length > MAX_ANSWER_CHARS) return unreadable("too_large", text);
    return text.trim() === "ping" ? { kind: "alive", generation: "legacy" } : unreadable("not_ping", text);
}

/** `GET /hw_posbox_homepage/ping` or `/iot_drivers/ping`: `{"status": "success", "message": "pong"}`. */
export function isPong(text: unknown): boolean {
    const json = readJson(text);
    return !("kind" in json) && json.value.message === "pong";
}

/** `odoo_uptime_seconds` of a 19 box's `/iot_drivers/data`: how long its Odoo has run. */
export function readUptime(text: unknown): number | undefined {
    const json = readJson(text);
    if ("kind" in json) return undefined;
    const uptime = json.value.odoo_uptime_seconds;
    return typeof uptime === "number" && Number.isFinite(uptime) && uptime >= 0 ? uptime : undefined;
}

function readDetails(ok: boolean, details: string): CertificateReport {
    const text = details.slice(0, MAX_DETAIL_CHARS);
    const valid = /^Your certificate (\S{1,255}) is valid until (.{1,64})$/.exec(text.trim());
    if (valid) {
        if (valid[1].replace(/^\*\./, "") === TEMPORARY_CN) return { kind: "missing" };
        // 16–18 boxes print the end minus the renewal days.
        const renewalAt = parseBoxDate(valid[2]);
        return {
            kind: "valid",
            subject: valid[1],
            expiresAt: renewalAt === undefined ? undefined : renewalAt + RENEWAL_DAYS * DAY_MS,
        };
    }
    const first = /^\s*(\S+)/.exec(text)?.[1] ?? "";
    if ((ERROR_CODES as readonly string[]).includes(first)) {
        return readError(first as ErrorCode, text);
    }
    if (ok) return { kind: "valid" };
    return { kind: "unknown", text: shorten(text.trim() || "(empty)", 300) };
}

function readError(code: ErrorCode, text: string): CertificateReport {
    const [head, ...rest] = text.split("\n\n");
    const detail = rest.join("\n\n").trim();
    const error: CertificateReport = { kind: "error", code };
    if (code === "ERR_IOT_HTTPS_LOAD_REQUEST_STATUS") {
        const status = /^\s*\S+\s+(\d{3})(?!\d)/.exec(head)?.[1];
        if (status) error.status = status;
    }
    if (detail && (code === "ERR_IOT_HTTPS_LOAD_REQUEST_STATUS" || code === "ERR_IOT_HTTPS_LOAD_REQUEST_EXCEPTION")) {
        error.detail = shorten(detail, 500);
    }
    return error;
}

/**
 * Dates as Python prints them (`2026-01-31 12:00:00`, optional fraction and offset) or ISO.
 * Naive values are UTC, as the box writes them.
 */
export function parseBoxDate(text: string): number | undefined {
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(
        text.trim()
    );
    if (!m) return undefined;
    const [, y, mo, d, h = "0", mi = "0", s = "0", zone] = m;
    let ms = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s);
    const check = new Date(ms);
    if (check.getUTCMonth() !== +mo - 1 || check.getUTCDate() !== +d || +h > 23 || +mi > 59 || +s > 59) {
        return undefined;
    }
    if (zone && zone !== "Z") {
        const sign = zone[0] === "-" ? -1 : 1;
        const digits = zone.slice(1).replace(":", "");
        ms -= sign * (+digits.slice(0, 2) * 60 + +digits.slice(2)) * 60_000;
    }
    return ms;
}

type Json = { value: Record<string, unknown> } | UnreadableAnswer;

function readJson(text: unknown): Json {
    if (typeof text !== "string" || text.trim().length === 0) return unreadable("empty", text);
    if (text.length > MAX_ANSWER_CHARS) return unreadable("too_large", text);
    let value: unknown;
    try {
        value = JSON.parse(text);
    } catch {
        return unreadable("not_json", text);
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) return unreadable("wrong_shape", text);
    return { value: value as Record<string, unknown> };
}

function unreadable(reason: UnreadableReason, text: unknown): UnreadableAnswer {
    // The excerpt is for the support summary; it is cut before any secret-bearing key can be
    // quoted in full, and secrets are masked outright.
    const raw = typeof text === "string" ? text : "";
    // JSON escapes could spell a secret's key in a way the mask does not see: keep no excerpt.
    if (/\\u/i.test(raw)) return { kind: "unreadable", reason, excerpt: "" };
    return { kind: "unreadable", reason, excerpt: shorten(maskSecrets(raw.slice(0, 200)), 120) };
}

/** Removes the values of `db_uuid` and `enterprise_code` from any text before it is kept. */
export function maskSecrets(text: string): string {
    return text.replace(/("?(?:db_uuid|enterprise_code)"?\s*[:=]\s*)("[^"]*"?|[^\s,}]*)/gi, "$1\"…\"");
}
