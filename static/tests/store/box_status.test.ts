import { databaseFacts } from "../../src/store/box_status";

QUnit.module("iot_https_certificate/store/box_status", () => {
    QUnit.test("the box-reported end date is read as the web client gives it, or as the server writes it", (assert) => {
        const end = Date.UTC(2027, 1, 1);
        // The web client's records hold luxon DateTimes; only toMillis() is read.
        assert.deepEqual(databaseFacts({ id: 1, ip: "x", boxEndDate: { toMillis: () => end } }), { endDate: end });
        assert.deepEqual(databaseFacts({ id: 1, ip: "x", boxEndDate: "2027-02-01 00:00:00" }), { endDate: end });
        assert.deepEqual(databaseFacts({ id: 1, ip: "x", boxEndDate: false }), {}, "17.0 and 18.0: nothing reported");
        assert.deepEqual(databaseFacts({ id: 1, ip: "x", boxEndDate: { toMillis: () => NaN } }), {}, "an invalid date is no date");
        assert.deepEqual(databaseFacts({ id: 1, ip: "x", boxEndDate: "<script>" }), {});
    });
});
