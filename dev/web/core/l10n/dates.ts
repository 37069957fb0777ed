/**
 * Stand-in for Odoo's `@web/core/l10n/dates`: `formatDateTime(value, options)` formats a luxon
 * DateTime in the user's zone ("default") with the session's format, and
 * `deserializeDateTime(value)` reads the server's UTC "yyyy-MM-dd HH:mm:ss". The demo's
 * session format is English (US), as Odoo's default language.
 */
import type { DateTime } from "luxon";

declare const luxon: typeof import("luxon");

const DATE_TIME_FORMAT = "MM/dd/yyyy HH:mm:ss";

export function formatDateTime(value: DateTime | false, options: { format?: string } = {}): string {
    if (value === false) return "";
    return value.setZone("default").toFormat(options.format || DATE_TIME_FORMAT, { numberingSystem: "latn" });
}

export function deserializeDateTime(value: string): DateTime {
    return luxon.DateTime.fromSQL(value, { zone: "utc", numberingSystem: "latn" }).setZone("default");
}
