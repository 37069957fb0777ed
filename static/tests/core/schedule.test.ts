import { baseDelay, cadenceAfter, DEFAULT_SCHEDULE, delayUntilDue, isBox18Error, nextDelay } from "../../src/core/schedule";
import { seeded } from "../helpers/random";

const MIN = 60_000;

QUnit.module("iot_https_certificate/core/schedule", () => {
    QUnit.test("healthy boxes: 5 min, backing off ×1.5 up to 30 min", (assert) => {
        const sequence = [0, 1, 2, 3, 4, 5, 6].map((step) => baseDelay({ cadence: "healthy", step }) / MIN);
        assert.deepEqual(sequence, [5, 7.5, 11.25, 16.875, 25.3125, 30, 30]);
    });

    QUnit.test("failing or changing boxes: 30 s doubling up to 10 min", (assert) => {
        const sequence = [0, 1, 2, 3, 4, 5, 6].map((step) => baseDelay({ cadence: "failing", step }) / 1000);
        assert.deepEqual(sequence, [30, 60, 120, 240, 480, 600, 600]);
    });

    QUnit.test("an 18.0 box reporting an error is never asked sooner than every 5 minutes", (assert) => {
        assert.strictEqual(baseDelay({ cadence: "failing", step: 0, box18Error: true }), 5 * MIN);
        assert.strictEqual(baseDelay({ cadence: "confirm", step: 0, box18Error: true }), 5 * MIN);
        assert.strictEqual(baseDelay({ cadence: "failing", step: 5, box18Error: true }), 10 * MIN);
        const random = seeded(7);
        let below = 0;
        for (let i = 0; i < 10_000; i++) if (nextDelay({ cadence: "failing", step: 0, box18Error: true }, random) < 5 * MIN) below++;
        assert.strictEqual(below, 0, "jitter never goes under the floor");
    });

    QUnit.test("jitter stays within ±20 % and spreads the fleet", (assert) => {
        const random = seeded(42);
        const base = baseDelay({ cadence: "healthy", step: 0 });
        const delays = Array.from({ length: 10_000 }, () => nextDelay({ cadence: "healthy", step: 0 }, random));
        const min = Math.min(...delays);
        const max = Math.max(...delays);
        assert.ok(min >= base * (1 - DEFAULT_SCHEDULE.jitter) && max <= base * (1 + DEFAULT_SCHEDULE.jitter), `${min}…${max}`);
        assert.ok(max - min > base * 0.35, "the draws cover most of the window");
        assert.strictEqual(nextDelay({ cadence: "confirm", step: 0 }, () => 0.5), DEFAULT_SCHEDULE.confirmMs);
    });

    QUnit.test("cadence: healthy after OK, failing otherwise; the step grows only while nothing changes", (assert) => {
        assert.deepEqual(cadenceAfter("checking", { cadence: "failing", step: 0 }, "ok"), { cadence: "healthy", step: 0 });
        assert.deepEqual(cadenceAfter("ok", { cadence: "healthy", step: 2 }, "ok"), { cadence: "healthy", step: 3 });
        assert.deepEqual(cadenceAfter("ok", { cadence: "healthy", step: 3 }, "expired"), { cadence: "failing", step: 0 });
        assert.deepEqual(cadenceAfter("expired", { cadence: "failing", step: 1 }, "expired"), { cadence: "failing", step: 2 });
        assert.deepEqual(cadenceAfter("ok", { cadence: "confirm", step: 0 }, "ok"), { cadence: "healthy", step: 0 }, "after a confirmation, start over");
    });

    QUnit.test("an 18.0 box's code slows its checks; a 19 box or a network verdict does not", (assert) => {
        assert.ok(isBox18Error("18", "ERR_IOT_HTTPS_LOAD_REQUEST_EXCEPTION"));
        assert.notOk(isBox18Error("19", "ERR_IOT_HTTPS_LOAD_REQUEST_EXCEPTION"));
        assert.notOk(isBox18Error("18", "unreachable"));
        assert.notOk(isBox18Error(undefined, "ERR_IOT_HTTPS_CHECK_NO_SERVER"));
    });

    QUnit.test("due: at once when the gap has passed, else after what is left of it", (assert) => {
        assert.strictEqual(delayUntilDue(40_000, 30_000), 0);
        assert.strictEqual(delayUntilDue(10_000, 30_000), 20_000);
        assert.strictEqual(delayUntilDue(Infinity, 5 * MIN), 0, "never checked is due");
    });
});
