import type { BoxStatus } from "../../src/store/box_status";
import { FakeClock } from "../helpers/fake_clock";
import { BODY_19_OK, FakeNetwork } from "../helpers/fake_network";
import { makeBus, makeHarness, boxName } from "../helpers/store_harness";

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const body18 = (details: string, ok = false) => JSON.stringify({ is_certificate_ok: ok, certificate_details: details });

/** Boxes carry image versions (year.month), as real ones do: not an Odoo series. */
function watch(h: ReturnType<typeof makeHarness>, id: number, ip: string, version = "25.04") {
    const seen: BoxStatus[] = [];
    const stop = h.store.subscribe({ id, ip, version }, (status) => seen.push(status));
    return { seen, stop, last: () => seen[seen.length - 1] };
}

QUnit.module("iot_https_certificate/store/status_store", () => {
    QUnit.test("a healthy 19 box: one request, OK with its end date, then the healthy cadence", async (assert) => {
        const h = makeHarness();
        h.network.hosts.set(boxName(0), { kind: "box", generation: "19", body: BODY_19_OK });
        const box = watch(h, 1, boxName(0));
        assert.strictEqual(box.last().checking, false, "the first round waits for the view to render");
        await h.clock.advance(0);
        assert.strictEqual(box.last().checking, true, "checking is shown while the probe is in flight");
        await h.clock.advance(100);
        assert.strictEqual(box.last().verdict.key, "ok");
        assert.strictEqual(box.last().verdict.validUntil, Date.UTC(2027, 1, 1));
        assert.strictEqual(box.last().checking, false);
        assert.strictEqual(h.network.log.length, 1);
        assert.strictEqual(box.last().nextCheckAt! - h.clock.now() + 50, 5 * MIN, "next check in 5 minutes");
        box.stop();
    });

    QUnit.test("500 boxes never exceed the concurrency cap, and all get a verdict", async (assert) => {
        const h = makeHarness({ maxInFlight: 6 });
        const boxes = [];
        for (let n = 0; n < 500; n++) {
            h.network.hosts.set(boxName(n), { kind: "box", generation: "19", body: BODY_19_OK });
            boxes.push(watch(h, n + 1, boxName(n)));
        }
        await h.clock.advance(500 * 50);
        assert.ok(h.network.peak <= 6, `peak ${h.network.peak} requests in flight`);
        assert.strictEqual(h.network.peak, 6, "the cap is used fully");
        assert.strictEqual(boxes.filter((b) => b.last().verdict.key === "ok").length, 500);
        boxes.forEach((b) => b.stop());
    });

    QUnit.test("nothing polls while the page is hidden; one fresh round when it is visible again", async (assert) => {
        const h = makeHarness();
        h.network.hosts.set(boxName(0), { kind: "box", generation: "19", body: BODY_19_OK });
        h.setHidden(true);
        const box = watch(h, 1, boxName(0));
        await h.clock.advance(3 * 60 * MIN);
        assert.strictEqual(h.network.log.length, 0, "no request in three hidden hours");
        h.setHidden(false);
        await h.clock.advance(100);
        assert.strictEqual(h.network.log.length, 1, "one round on becoming visible");
        assert.strictEqual(box.last().verdict.key, "ok");
        h.setHidden(true);
        assert.strictEqual(h.clock.pending, 0, "hiding clears every timer");
        await h.clock.advance(60 * MIN);
        assert.strictEqual(h.network.log.length, 1);
        box.stop();
    });

    QUnit.test("unsubscribing stops everything: no timer, the probe in flight is aborted", async (assert) => {
        const h = makeHarness();
        h.network.hosts.set(boxName(0), { kind: "silent" });
        h.network.hosts.set(boxName(1), { kind: "box", generation: "19", body: BODY_19_OK });
        const slow = watch(h, 1, boxName(0));
        const fine = watch(h, 2, boxName(1));
        await h.clock.advance(100);
        assert.strictEqual(h.network.inFlight, 1);
        slow.stop();
        fine.stop();
        await h.clock.advance(1);
        assert.strictEqual(h.network.inFlight, 0, "the silent box's request was aborted");
        assert.strictEqual(h.store.scheduled, 0);
        assert.strictEqual(h.clock.pending, 0, "no timer left at all");
        const before = h.network.log.length;
        await h.clock.advance(24 * 60 * MIN);
        assert.strictEqual(h.network.log.length, before);
    });

    QUnit.test("check now answers at once and never doubles a request in flight", async (assert) => {
        const h = makeHarness();
        h.network.hosts.set(boxName(0), { kind: "box", generation: "19", body: BODY_19_OK });
        const box = watch(h, 1, boxName(0));
        await h.clock.advance(100);
        assert.strictEqual(h.network.log.length, 1);
        const first = h.store.checkNow(1);
        const second = h.store.checkNow(1);
        const all = h.store.checkAll();
        assert.strictEqual(first, second, "the same probe is joined");
        await h.clock.advance(100);
        await Promise.all([first, all]);
        assert.strictEqual(h.network.log.length, 2, "one more request, not three");
        box.stop();
    });

    QUnit.test("a box that never answers times out: unreachable, saying so", async (assert) => {
        const h = makeHarness({ timeoutMs: 8000 });
        h.network.hosts.set(boxName(0), { kind: "silent" });
        h.network.hosts.set("10.0.0.1:8069", { kind: "silent" });
        const box = watch(h, 1, boxName(0));
        await h.clock.advance(7999);
        assert.strictEqual(box.last().checking, true);
        // On each path: the status route's 8 s, then 2 s for a hello that would tell a hung route.
        await h.clock.advance(12_001);
        assert.deepEqual([box.last().verdict.key, box.last().verdict.detail], ["unreachable", "timeout"]);
        assert.strictEqual(h.network.inFlight, 0, "timed-out requests are aborted");
        box.stop();
    });

    QUnit.test("a 19 endpoint answering garbage is unreadable, even though the box's hello says ping", async (assert) => {
        const h = makeHarness();
        h.network.hosts.set(boxName(0), { kind: "box", generation: "19", body: '{"certificate_end_date": ' });
        const box = watch(h, 1, boxName(0));
        await h.clock.advance(1000);
        assert.deepEqual([box.last().verdict.key, box.last().verdict.detail], ["unreadable_answer", 'not_json: {"certificate_end_date": ']);
        box.stop();
    });

    QUnit.test("an oversized answer is cut and reported unreadable", async (assert) => {
        const h = makeHarness();
        h.network.hosts.set(boxName(0), { kind: "huge", size: 5_000_000 });
        const box = watch(h, 1, boxName(0));
        await h.clock.advance(500);
        assert.strictEqual(box.last().verdict.key, "unreadable_answer");
        assert.ok(box.last().verdict.detail!.startsWith("too_large"));
        box.stop();
    });

    QUnit.test("flapping: one failure after successes keeps OK; a confirmed failure turns it red", async (assert) => {
        const h = makeHarness();
        const name = boxName(0);
        h.network.hosts.set(name, { kind: "box", generation: "19", body: BODY_19_OK });
        const box = watch(h, 1, name);
        await h.clock.advance(100);
        const untilNextCheck = () => box.last().nextCheckAt! - h.clock.now();
        h.network.hosts.set(name, { kind: "down" });
        await h.clock.advance(untilNextCheck() + 1000);
        assert.strictEqual(box.last().verdict.key, "ok", "a single failure does not flip the badge");
        // The failed probe: the status route, the hello, a no-cors request, then the LAN path.
        assert.strictEqual(untilNextCheck(), 15_000 - 1000 + 300, "a confirmation probe is planned 15 s after the failure");
        h.network.hosts.set(name, { kind: "box", generation: "19", body: BODY_19_OK });
        await h.clock.advance(untilNextCheck() + 1000);
        assert.strictEqual(box.last().verdict.key, "ok", "the confirmation probe succeeded");
        assert.notOk(box.seen.some((s) => s.verdict.key !== "ok" && s.verdict.key !== "checking"), "never shown red");
        h.network.hosts.set(name, { kind: "down" });
        await h.clock.advance(untilNextCheck() + 1000);
        assert.strictEqual(box.last().verdict.key, "ok");
        await h.clock.advance(untilNextCheck() + 1000);
        assert.strictEqual(box.last().verdict.key, "unreachable", "two failures in a row are published");
        box.stop();
    });

    QUnit.test("what the box reports is published at once, and an 18.0 error box is asked every 5 min at most", async (assert) => {
        const h = makeHarness({}, { databaseSeries: { major: 18, minor: 0 } });
        const name = boxName(0);
        h.network.hosts.set(name, { kind: "box", generation: "18", body: body18("ERR_IOT_HTTPS_LOAD_REQUEST_NO_RESULT") });
        const box = watch(h, 1, name, "L24.10");
        await h.clock.advance(200);
        assert.strictEqual(box.last().verdict.key, "ERR_IOT_HTTPS_LOAD_REQUEST_NO_RESULT");
        const after = h.network.requestsTo(name);
        await h.clock.advance(5 * MIN - 1000);
        assert.strictEqual(h.network.requestsTo(name), after, "no request within 5 minutes");
        await h.clock.advance(2000);
        assert.strictEqual(h.network.requestsTo(name), after + 1);
        box.stop();
    });

    QUnit.test("on an 18.0 database, a box with a 2023 image is asked at its 18.0 endpoint first: one request", async (assert) => {
        const h = makeHarness({}, { databaseSeries: { major: 18, minor: 0 } });
        const name = boxName(0);
        h.network.hosts.set(name, { kind: "box", generation: "18", body: body18("Your certificate *.abcd1234.odoo-iot.com is valid until 2027-01-20 00:00:00", true) });
        const box = watch(h, 1, name, "23.11");
        await h.clock.advance(500);
        assert.strictEqual(box.last().verdict.key, "ok");
        assert.strictEqual(h.network.requestsTo(name), 1, "23.11 is an image version, not 19.0+: the 18.0 endpoint first");
        box.stop();
    });

    QUnit.test("on a 17.0 database: a 17.0 box is told apart in 3 requests, then costs 1; a 19 box's report is not hidden by the ping", async (assert) => {
        const h = makeHarness({}, { databaseSeries: { major: 17, minor: 0 } });
        const legacy = boxName(0);
        const upgraded = boxName(1);
        h.network.hosts.set(legacy, { kind: "box", generation: "legacy" });
        h.network.hosts.set(upgraded, { kind: "box", generation: "19", body: BODY_19_OK });
        const old = watch(h, 1, legacy, "23.11");
        const newer = watch(h, 2, upgraded, "25.04");
        await h.clock.advance(500);
        assert.strictEqual(old.last().verdict.key, "ok");
        assert.strictEqual(old.last().verdict.generation, "legacy");
        assert.strictEqual(h.network.requestsTo(legacy), 5, "the 17.0 status route, the hello, the 19 endpoint and both routes' pings, which give nothing");
        assert.strictEqual(newer.last().verdict.generation, "19");
        assert.strictEqual(newer.last().verdict.validUntil, Date.UTC(2027, 1, 1), "the 19 report, not just the ping");
        const again = h.store.checkNow(1);
        await h.clock.advance(100);
        await again;
        assert.strictEqual(h.network.requestsTo(legacy), 6, "known to be 17.0: its hello alone");
        old.stop();
        newer.stop();
    });

    QUnit.test("a view opened again keeps the generation found: one request at the next check", async (assert) => {
        const h = makeHarness({}, { databaseSeries: { major: 17, minor: 0 } });
        const name = boxName(0);
        h.network.hosts.set(name, { kind: "box", generation: "19", body: BODY_19_OK });
        const list = watch(h, 1, name);
        await h.clock.advance(500);
        list.stop();
        const before = h.network.requestsTo(name);
        const form = watch(h, 1, name);
        const check = h.store.checkNow(1);
        await h.clock.advance(100);
        await check;
        assert.strictEqual(h.network.requestsTo(name), before + 1);
        form.stop();
    });

    QUnit.test("the generation found is remembered: an 18.0 box costs one request per check after discovery", async (assert) => {
        const h = makeHarness();
        const name = boxName(0);
        h.network.hosts.set(name, { kind: "box", generation: "18", body: body18("Your certificate *.abcd1234.odoo-iot.com is valid until 2027-01-20 00:00:00", true) });
        const box = watch(h, 1, name, "unknown image");
        await h.clock.advance(500);
        assert.strictEqual(box.last().verdict.key, "ok");
        assert.strictEqual(box.last().verdict.generation, "18");
        const discovery = h.network.requestsTo(name);
        assert.strictEqual(discovery, 3, "19 endpoint, hello, 18 endpoint");
        const again = h.store.checkNow(1);
        await h.clock.advance(100);
        await again;
        assert.strictEqual(h.network.requestsTo(name), discovery + 1);
        box.stop();
    });

    QUnit.test("the box's own version names its series: L24.10-17.0 is asked at its status route first", async (assert) => {
        const h = makeHarness({}, { databaseSeries: { major: 19, minor: 0 } });
        const name = boxName(0);
        h.network.hosts.set(name, { kind: "box", generation: "18", body: body18("ERR_IOT_HTTPS_LOAD_NO_CREDENTIAL") });
        const box = watch(h, 1, name, "L24.10-17.0#1a2b3c4");
        await h.clock.advance(500);
        assert.strictEqual(box.last().verdict.key, "ERR_IOT_HTTPS_LOAD_NO_CREDENTIAL");
        assert.deepEqual(h.network.log, [`cors https://${name}/hw_posbox_homepage/data`], "one request, not the 19.0 database's guess");
        box.stop();
    });

    QUnit.test("a front that answers while the box's Odoo is down is never OK: the box's Odoo does not answer", async (assert) => {
        const h = makeHarness();
        h.network.hosts.set(boxName(0), { kind: "front" });
        const box = watch(h, 1, boxName(0), "Ttest-19.0");
        await h.clock.advance(1000);
        assert.strictEqual(box.last().verdict.key, "box_odoo_down");
        assert.deepEqual(h.network.log.map((line) => line.replace(/https:\/\/[^/]+/, "")), ["cors /iot_drivers/data", "cors /hw_proxy/hello", "no-cors /hw_proxy/hello"]);
        box.stop();
    });

    QUnit.test("a status route that hangs while the hello answers: the box may be stuck asking odoo.com, not unreachable", async (assert) => {
        const h = makeHarness({ timeoutMs: 8000 });
        h.network.hosts.set(boxName(0), { kind: "box", generation: "18", status: "hangs" });
        const box = watch(h, 1, boxName(0), "L24.10-18.0");
        await h.clock.advance(8200);
        assert.strictEqual(box.last().verdict.key, "status_hanging");
        assert.strictEqual(h.network.inFlight, 0, "the hung request was aborted");
        box.stop();
    });

    QUnit.test("a status route that fails while its ping answers is not a hello-only OK", async (assert) => {
        const h = makeHarness();
        h.network.hosts.set(boxName(0), { kind: "box", generation: "18", status: "fails" });
        h.network.hosts.set(boxName(1), { kind: "box", generation: "legacy" });
        const failing = watch(h, 1, boxName(0), "L24.10-17.0#abc");
        const helloOnly = watch(h, 2, boxName(1), "L23.11-17.0");
        await h.clock.advance(1000);
        assert.strictEqual(failing.last().verdict.key, "status_failing");
        assert.deepEqual([helloOnly.last().verdict.key, helloOnly.last().verdict.generation], ["ok", "legacy"], "an early 17.0 image has no status route: a hello-only box");
        failing.stop();
        helloOnly.stop();
    });

    QUnit.test("the database's facts change after a check (a cached copy came first): the verdict follows at once, with no new request", async (assert) => {
        const h = makeHarness();
        const name = boxName(0);
        h.network.hosts.set(name, { kind: "box", generation: "19", body: JSON.stringify({ certificate_end_date: null }) });
        const stale = { id: 1, ip: name, version: "Ttest-19.0" };
        const seen: BoxStatus[] = [];
        let stop = h.store.subscribe(stale, (status) => seen.push(status));
        const badge = h.store.subscribe(stale, () => undefined);
        await h.clock.advance(500);
        assert.deepEqual([seen.at(-1)!.verdict.key, seen.at(-1)!.verdict.validUntil], ["renewal_overdue", undefined]);
        const requests = h.network.log.length;
        const end = new Date(h.clock.now() + 5 * DAY).toISOString().slice(0, 19).replace("T", " ");
        const fresh = { ...stale, boxEndDate: end };
        // One widget of the row follows the fresh record while another still holds the box.
        stop();
        stop = h.store.subscribe(fresh, (status) => seen.push(status));
        assert.strictEqual(seen.at(-1)!.verdict.validUntil, Date.parse(`${end}Z`), "the end date the box wrote");
        // The last widget follows too: the box is dropped and watched again from its cache.
        badge();
        stop();
        stop = h.store.subscribe({ ...fresh, boxEndDate: false }, (status) => seen.push(status));
        assert.deepEqual([seen.at(-1)!.verdict.key, seen.at(-1)!.verdict.validUntil], ["renewal_overdue", undefined], "drawn again from the cache's observations");
        assert.strictEqual(h.network.log.length, requests, "no new request");
        stop();
    });

    QUnit.test("a row's second widget with the same facts publishes nothing: its first widget is not drawn again", async (assert) => {
        const h = makeHarness();
        const name = boxName(0);
        h.network.hosts.set(name, { kind: "box", generation: "19", body: JSON.stringify({ certificate_end_date: null }) });
        const record = { id: 1, ip: name, version: "Ttest-19.0", stored: { state: "ok", endDate: false, error: false, reportedAt: "2026-11-26 10:00:00" } };
        const stops = [h.store.subscribe(record, () => undefined)];
        await h.clock.advance(500);
        stops.pop()!();
        // The list is opened again: the box comes back from the cache, with its observations.
        let linkHeard = 0;
        stops.push(h.store.subscribe({ ...record }, () => linkHeard++));
        stops.push(h.store.subscribe({ ...record, stored: { ...record.stored } }, () => undefined));
        assert.strictEqual(linkHeard, 1, "the link heard its status once, when it subscribed");
        stops.push(h.store.subscribe({ ...record, stored: { ...record.stored, state: "expired" } }, () => undefined));
        assert.strictEqual(linkHeard, 2, "new facts are drawn again and published");
        for (const stop of stops) stop();
    });

    QUnit.test("DNS issue: the LAN IP answers, the name does not resolve", async (assert) => {
        const h = makeHarness();
        h.network.hosts.set("10.0.0.1:8069", { kind: "box", generation: "19", body: BODY_19_OK });
        const box = watch(h, 1, boxName(0));
        await h.clock.advance(1000);
        assert.strictEqual(box.last().verdict.key, "dns_issue");
        box.stop();
    });

    QUnit.test("tabs share verdicts, and a closing tab hands its boxes over", async (assert) => {
        const clock = new FakeClock();
        const network = new FakeNetwork(clock);
        const bus = makeBus();
        const name = boxName(0);
        network.hosts.set(name, { kind: "box", generation: "19", body: BODY_19_OK, latencyMs: 30_000 });
        const b = makeHarness({ timeoutMs: 60_000 }, { clock, network, bus, tabId: "b" });
        b.setHidden(true); // B's page is in the background while A loads
        const boxB = watch(b, 1, name);
        const a = makeHarness({ timeoutMs: 60_000 }, { clock, network, bus, tabId: "a" });
        const boxA = watch(a, 1, name);
        await clock.advance(10);
        b.setHidden(false);
        await clock.advance(10);
        assert.strictEqual(network.requestsTo(name), 1, "B sees A's lease and does not probe");
        await clock.advance(30_000);
        assert.strictEqual(boxA.last().verdict.key, "ok");
        assert.strictEqual(boxB.last().verdict.key, "ok", "B received A's verdict");
        assert.strictEqual(network.requestsTo(name), 1);

        // A starts its next check, then closes while probing: B takes over at once.
        void a.store.checkNow(1);
        await clock.advance(10);
        const beforeClose = network.requestsTo(name);
        await clock.advance(20_000);
        assert.strictEqual(network.requestsTo(name), beforeClose, "B waits while A holds the lease");
        a.store.destroy();
        await clock.advance(10);
        assert.strictEqual(network.requestsTo(name), beforeClose + 1, "B probes as soon as A releases");
        await clock.advance(31_000);
        assert.strictEqual(boxB.last().verdict.key, "ok");
        boxB.stop();
        b.store.destroy();
    });

    QUnit.test("another tab's worse network verdict waits for a confirmation, as this tab's own does", async (assert) => {
        const clock = new FakeClock();
        const network = new FakeNetwork(clock);
        const bus = makeBus();
        const name = boxName(0);
        network.hosts.set(name, { kind: "box", generation: "19", body: BODY_19_OK });
        const a = makeHarness({}, { clock, network, bus, tabId: "a" });
        const boxA = watch(a, 1, name);
        await clock.advance(100);
        assert.strictEqual(boxA.last().verdict.key, "ok");
        // Another tab, on a path that cannot reach the box, reports it unreachable.
        const lonely = new BroadcastChannelOf(bus);
        lonely.postMessage({ type: "verdict", tab: "b", box: 1, ip: name, verdict: { key: "unreachable", rule: "nothing_answered" } });
        await clock.advance(1);
        assert.strictEqual(boxA.last().verdict.key, "ok", "one tab's failure alone does not turn the badge");
        const before = network.requestsTo(name);
        await clock.advance(20_000);
        assert.strictEqual(network.requestsTo(name), before + 1, "this tab confirms with a probe of its own");
        assert.strictEqual(boxA.last().verdict.key, "ok", "the box answers here: still OK");
        lonely.close();
        boxA.stop();
        a.store.destroy();
    });
});

/** A bare channel on the test bus, to post what another tab would. */
class BroadcastChannelOf {
    private channel: BroadcastChannel;
    constructor(bus: typeof BroadcastChannel) {
        this.channel = new bus("iot_https_certificate.status");
    }
    postMessage(message: unknown) {
        this.channel.postMessage(message);
    }
    close() {
        this.channel.close();
    }
}
