import { calendarDay, expiryOf, expiryPhrase } from "../../src/core/days";

const HOUR = 3_600_000;
/** Noon of 26 November 2026 in UTC. */
const NOON = Date.UTC(2026, 10, 26, 12);
const phrase = (end: number, now: number, zone: string) => expiryPhrase(expiryOf(end, now, zone));

QUnit.module("iot_https_certificate/core/days", () => {
    QUnit.test("the words for each count of days, never a negative number", (assert) => {
        const day = 24 * HOUR;
        assert.strictEqual(phrase(NOON + 5 * day, NOON, "UTC"), "Expires in 5 days");
        assert.strictEqual(phrase(NOON + day, NOON, "UTC"), "Expires tomorrow");
        assert.strictEqual(phrase(NOON + 2 * HOUR, NOON, "UTC"), "Expires today");
        assert.strictEqual(phrase(NOON - 2 * HOUR, NOON, "UTC"), "Expired today");
        assert.strictEqual(phrase(NOON - day, NOON, "UTC"), "Expired yesterday");
        assert.strictEqual(phrase(NOON - 4 * day, NOON, "UTC"), "Expired 4 days ago");
        for (let hours = -400; hours <= 400; hours += 7) {
            assert.notOk(/-\d/.test(phrase(NOON + hours * HOUR, NOON, "Pacific/Kiritimati")), `no negative count ${hours} h away`);
        }
    });

    QUnit.test("days are calendar days: 23:00 to 01:00 the next day is tomorrow, not today", (assert) => {
        const lateEvening = Date.UTC(2026, 10, 26, 23);
        assert.strictEqual(phrase(lateEvening + 2 * HOUR, lateEvening, "UTC"), "Expires tomorrow");
        assert.strictEqual(phrase(lateEvening + 24.9 * HOUR, lateEvening, "UTC"), "Expires tomorrow", "23:54 the next day");
        assert.strictEqual(phrase(lateEvening + 25.5 * HOUR, lateEvening, "UTC"), "Expires in 2 days", "00:30 the day after, though barely more than a day away");
        assert.strictEqual(phrase(lateEvening - 22 * HOUR, lateEvening, "UTC"), "Expired today", "earlier the same date");
    });

    QUnit.test("in the user's time zone: the same instants read differently in Brussels and Honolulu", (assert) => {
        // 22:30 UTC on 26 Nov is 23:30 in Brussels (26 Nov) and 12:30 in Honolulu (26 Nov);
        // the end, 01:30 UTC on 27 Nov, is 02:30 on 27 Nov in Brussels and 15:30 on 26 Nov in Honolulu.
        const now = Date.UTC(2026, 10, 26, 22, 30);
        const end = Date.UTC(2026, 10, 27, 1, 30);
        assert.strictEqual(phrase(end, now, "Europe/Brussels"), "Expires tomorrow");
        assert.strictEqual(phrase(end, now, "Pacific/Honolulu"), "Expires today");
    });

    QUnit.test("a daylight-saving change does not shift the count", (assert) => {
        // Brussels moves its clocks back on 25 Oct 2026: that day has 25 hours.
        const now = Date.UTC(2026, 9, 24, 10);
        assert.strictEqual(phrase(Date.UTC(2026, 9, 27, 10), now, "Europe/Brussels"), "Expires in 3 days");
        assert.strictEqual(calendarDay(Date.UTC(2026, 9, 25, 22, 59), "Europe/Brussels") - calendarDay(now, "Europe/Brussels"), 1);
        assert.strictEqual(calendarDay(Date.UTC(2026, 9, 25, 23, 1), "Europe/Brussels") - calendarDay(now, "Europe/Brussels"), 2);
    });
});
