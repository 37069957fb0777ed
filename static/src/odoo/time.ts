/**
 * Dates as the user reads them: Odoo's own formatter (user's time zone and language format)
 * and luxon's relative phrasing. luxon is Odoo's global, never bundled.
 */
import { formatDateTime } from "@web/core/l10n/dates";
import { expiryOf, expiryPhrase } from "../core/days";
import { _t } from "../core/translate";

declare const luxon: typeof import("luxon");

export function formatInstant(ms: number): string {
    return formatDateTime(luxon.DateTime.fromMillis(ms));
}

/**
 * "3 minutes ago", kept in step with a `now` the caller refreshes every 30 s; a check newer
 * than that `now` is "just now" rather than "in 5 seconds".
 */
export function relativeTo(ms: number, now: number): string {
    if (now - ms < 30_000) return _t("just now");
    return luxon.DateTime.fromMillis(ms).toRelative({ base: luxon.DateTime.fromMillis(now) }) ?? "";
}

/**
 * "Expires in 5 days", counted in calendar days of the zone Odoo's formatter shows dates in, so
 * the count and the date beside it always agree. Empty when the end is unknown.
 */
export function expiryText(validUntil: number | undefined, now: number): string {
    if (validUntil === undefined) return "";
    return expiryPhrase(expiryOf(validUntil, now, luxon.Settings.defaultZone.name));
}
