/** Time facts of the box's certificate, and how its end is counted in days, in one place. */
import { _t } from "./translate";

export const DAY_MS = 86_400_000;

/**
 * A box asks odoo.com for a new certificate once fewer than this many days are left, and its
 * 16–18 homepage reports "valid until" as the real end minus these days.
 */
export const RENEWAL_DAYS = 10;

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day of an instant in a time zone, as a day number (days since 1970-01-01). */
export function calendarDay(ms: number, zone: string): number {
    let format = dayFormats.get(zone);
    if (!format) {
        format = new Intl.DateTimeFormat("en-US", { timeZone: zone, year: "numeric", month: "numeric", day: "numeric" });
        dayFormats.set(zone, format);
    }
    const part = (type: string) => Number(format.formatToParts(ms).find((p) => p.type === type)?.value);
    return Date.UTC(part("year"), part("month") - 1, part("day")) / DAY_MS;
}

/**
 * When the certificate ends, counted as Odoo counts an activity's deadline: in calendar days of
 * the user's time zone, so "tomorrow" is the next date on the user's calendar, not 24 hours away.
 * Never a negative number: a past end is counted as days ago.
 */
export type Expiry = { ended: false; days: number } | { ended: true; daysAgo: number };

export function expiryOf(end: number, now: number, zone: string): Expiry {
    const days = calendarDay(end, zone) - calendarDay(now, zone);
    return end > now ? { ended: false, days: Math.max(0, days) } : { ended: true, daysAgo: Math.max(0, -days) };
}

/** "Expires in 5 days", "Expires tomorrow", "Expires today", "Expired yesterday", "Expired 4 days ago". */
export function expiryPhrase(expiry: Expiry): string {
    if (!expiry.ended) {
        if (expiry.days === 0) return _t("Expires today");
        if (expiry.days === 1) return _t("Expires tomorrow");
        return _t("Expires in %s days").replace("%s", String(expiry.days));
    }
    if (expiry.daysAgo === 0) return _t("Expired today");
    if (expiry.daysAgo === 1) return _t("Expired yesterday");
    return _t("Expired %s days ago").replace("%s", String(expiry.daysAgo));
}
