/**
 * Dates as the user reads them: Odoo's own formatter (user's time zone and language format)
 * and luxon's relative phrasing. luxon is Odoo's global, never bundled.
 */
import { formatDateTime } from "@web/core/l10n/dates";

declare const luxon: typeof import("luxon");

export function formatInstant(ms: number): string {
    return formatDateTime(luxon.DateTime.fromMillis(ms));
}

/** "3 minutes ago", kept in step with a `now` the caller refreshes. */
export function relativeTo(ms: number, now: number): string {
    return luxon.DateTime.fromMillis(Math.min(ms, now)).toRelative({ base: luxon.DateTime.fromMillis(now) }) ?? "";
}
