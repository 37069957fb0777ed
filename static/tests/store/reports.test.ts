import { serverDate } from "../../src/core/stored_report";
import type { OutgoingReport } from "../../src/core/stored_report";
import type { BoxStatus } from "../../src/store/box_status";
import { BATCH_MS, RETRY_MS } from "../../src/store/reports";
import { BODY_19_OK } from "../helpers/fake_network";
import { boxName, makeHarness } from "../helpers/store_harness";

const HOUR = 3_600_000;

/** A database that answers like `report_https_certificate`, and records every call. */
function fakeDatabase(now: () => number) {
    const calls: OutgoingReport[][] = [];
    let refuse = false;
    const send = async (reports: OutgoingReport[]) => {
        calls.push(JSON.parse(JSON.stringify(reports)));
        if (refuse) throw new Error("ValidationError");
        const at = serverDate(now());
        return reports.map((report) => ({ id: report.id, reported_at: at }));
    };
    return { calls, send, refuse: (value: boolean) => (refuse = value) };
}

/** A store that reports to a fake database on its own clock. */
function reportingStore() {
    const db = fakeDatabase(() => h.clock.now());
    const h = makeHarness({}, { report: db.send });
    return { h, db };
}

/** Box `n` (id n + 1) answers a 19.0 OK report, and the store watches it. */
function watchOkBox(h: ReturnType<typeof makeHarness>, n: number, extra: object = {}, listener: (status: BoxStatus) => void = () => undefined) {
    h.network.hosts.set(boxName(n), { kind: "box", generation: "19", body: BODY_19_OK });
    h.store.subscribe({ id: n + 1, ip: boxName(n), version: "25.04", ...extra }, listener);
}

QUnit.module("iot_https_certificate/store/reports", () => {
    QUnit.test("what boxes say goes to the database in one batched call, without their secrets", async (assert) => {
        const { h, db } = reportingStore();
        for (let n = 0; n < 3; n++) watchOkBox(h, n);
        await h.clock.advance(1000);
        assert.strictEqual(db.calls.length, 0, "batched: nothing sent yet");
        await h.clock.advance(BATCH_MS);
        assert.strictEqual(db.calls.length, 1, "three boxes, one call");
        assert.deepEqual(db.calls[0], [1, 2, 3].map((id) => ({ id, state: "ok", end_date: "2027-02-01 00:00:00" })));
        assert.notOk(/db_uuid|enterprise_code/.test(JSON.stringify(db.calls)), "the box's secrets are never sent");
        h.store.destroy();
    });

    QUnit.test("nothing new: no call until the stored copy is 12 hours old", async (assert) => {
        const { h, db } = reportingStore();
        watchOkBox(h, 0);
        await h.clock.advance(BATCH_MS + 1000);
        assert.strictEqual(db.calls.length, 1);
        await h.clock.advance(11 * HOUR);
        assert.strictEqual(db.calls.length, 1, "probed many times in 11 hours, reported once");
        await h.clock.advance(2 * HOUR);
        assert.strictEqual(db.calls.length, 2, "12 hours on, the database's copy is refreshed");
        h.store.destroy();
    });

    QUnit.test("a box the database already knows is not reported again; a change is", async (assert) => {
        const { h, db } = reportingStore();
        watchOkBox(h, 0, { stored: { state: "ok", endDate: "2027-02-01 00:00:00", error: false, reportedAt: "2026-11-26 11:00:00" } });
        await h.clock.advance(BATCH_MS + 1000);
        assert.strictEqual(db.calls.length, 0, "the record already says so, an hour ago");
        h.network.hosts.set(boxName(0), { kind: "box", generation: "19", body: JSON.stringify({ certificate_end_date: "2027-05-01 00:00:00" }) });
        void h.store.checkNow(1);
        await h.clock.advance(BATCH_MS + 1000);
        assert.deepEqual(db.calls, [[{ id: 1, state: "ok", end_date: "2027-05-01 00:00:00" }]], "renewed: reported");
        h.store.destroy();
    });

    QUnit.test("a refused call is not retried at every probe, but an hour later", async (assert) => {
        const { h, db } = reportingStore();
        db.refuse(true);
        const seen: string[] = [];
        watchOkBox(h, 0, {}, (status) => seen.push(status.verdict.key));
        await h.clock.advance(BATCH_MS + 1000);
        assert.strictEqual(db.calls.length, 1);
        assert.strictEqual(seen.at(-1), "ok", "the verdict on screen does not depend on the database");
        await h.clock.advance(RETRY_MS - BATCH_MS - 2000);
        assert.strictEqual(db.calls.length, 1, "no retry within the hour");
        db.refuse(false);
        await h.clock.advance(2 * HOUR);
        assert.strictEqual(db.calls.length, 2, "then once more");
        h.store.destroy();
    });

    QUnit.test("what one browser sees of its path is never reported", async (assert) => {
        const { h, db } = reportingStore();
        // A DNS issue: the LAN address answers, the name does not resolve.
        h.network.hosts.set("10.0.0.1:8069", { kind: "box", generation: "19", body: BODY_19_OK });
        h.store.subscribe({ id: 1, ip: boxName(0), version: "25.04" }, () => undefined);
        // Unreachable: nothing answers.
        h.store.subscribe({ id: 2, ip: boxName(1), version: "25.04" }, () => undefined);
        await h.clock.advance(BATCH_MS + 5000);
        const states = db.calls.flat().map((report) => `${report.id}:${report.state}`);
        assert.deepEqual(states, ["1:ok"], "the box's own report, heard over its LAN address; no 'dns_issue', no 'unreachable'");
        h.store.destroy();
    });
});
