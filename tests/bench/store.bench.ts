/**
 * Benchmarks of the status store (run by `npm run bench`; prints, never asserts).
 *   bench <name>: <value> <unit> (<comparison>)
 */
import { StatusStore } from "../../static/src/store/status_store";
import { FakeClock } from "../../static/tests/helpers/fake_clock";
import { BODY_19_OK, FakeNetwork } from "../../static/tests/helpers/fake_network";
import { makeHarness, boxName } from "../../static/tests/helpers/store_harness";
import { REFRESH_MS, serverDate } from "../../static/src/core/stored_report";
import type { OutgoingReport } from "../../static/src/core/stored_report";

const LATENCY = 50;
const line = (name: string, value: string, comparison: string) => console.log(`bench ${name}: ${value} (${comparison})`);

/** A fetch on real timers: each box answers its 19 status after LATENCY ms. */
function realFetch(): typeof fetch {
    return (() => new Promise<Response>((resolve) => setTimeout(() => resolve(new Response(BODY_19_OK)), LATENCY))) as typeof fetch;
}

function realStore(maxInFlight: number): StatusStore {
    return new StatusStore(
        {
            net: { fetch: realFetch(), setTimeout: (h, ms) => setTimeout(h, ms), clearTimeout: (id) => clearTimeout(id as any), now: Date.now },
            pageProtocol: () => "http:",
            localNetworkPermission: async () => "granted",
            random: Math.random,
            visibility: { hidden: () => false, onChange: () => () => undefined },
            channelHost: {},
            tabId: "bench",
        },
        { maxInFlight }
    );
}

async function firstRound(boxes: number, maxInFlight: number): Promise<number> {
    const store = realStore(maxInFlight);
    const started = performance.now();
    const done = new Set<number>();
    await new Promise<void>((resolve) => {
        for (let n = 0; n < boxes; n++) {
            store.subscribe({ id: n + 1, ip: boxName(n), version: "25.04" }, (status) => {
                if (status.verdict.key === "ok") done.add(status.boxId);
                if (done.size === boxes) resolve();
            });
        }
    });
    const elapsed = performance.now() - started;
    store.destroy();
    return elapsed;
}

async function requestsPerHour(): Promise<number> {
    const h = makeHarness({}, {});
    const boxes = 100;
    for (let n = 0; n < boxes; n++) {
        h.network.hosts.set(boxName(n), { kind: "box", generation: "19", body: BODY_19_OK });
        h.store.subscribe({ id: n + 1, ip: boxName(n), version: "25.04" }, () => undefined);
    }
    await h.clock.advance(2 * 3600_000); // settle into the steady cadence
    const before = h.network.log.length;
    await h.clock.advance(24 * 3600_000);
    h.store.destroy();
    return (h.network.log.length - before) / boxes / 24;
}

async function heapGrowth(cycles: number): Promise<{ raw: number; afterGc: number }> {
    const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
    const clock = new FakeClock();
    const network = new FakeNetwork(clock, 5);
    const h = makeHarness({ schedule: { healthyMs: 1000, healthyMaxMs: 1000, healthyFactor: 1, failingMs: 1000, failingMaxMs: 1000, failingFactor: 1, confirmMs: 1000, box18ErrorMinMs: 1000, jitter: 0 } }, { clock, network });
    for (let n = 0; n < 10; n++) {
        network.hosts.set(boxName(n), { kind: "box", generation: "19", body: BODY_19_OK });
        h.store.subscribe({ id: n + 1, ip: boxName(n), version: "25.04" }, () => undefined);
    }
    await clock.advance(10_000);
    network.log.length = 0;
    gc();
    const start = process.memoryUsage().heapUsed;
    await clock.advance((cycles / 10) * 1000);
    const raw = process.memoryUsage().heapUsed - start;
    network.log.length = 0; // the scripted network's own log is the harness's, not the store's
    gc();
    const afterGc = process.memoryUsage().heapUsed - start;
    h.store.destroy();
    return { raw, afterGc };
}

/**
 * The database side of a fleet: `BROWSERS` browsers (separate computers, no shared tabs) each
 * watch every box for a day. The database answers as `report_https_certificate` does: it writes
 * a box's row when the facts change or its copy is 12 hours old. Returns calls per browser per
 * hour and the most writes any box got in the day.
 */
async function reportCost(boxes: number, browsers: number, hours: number): Promise<{ callsPerBrowserHour: number; maxWritesPerBoxDay: number; reports: number }> {
    const clock = new FakeClock();
    const network = new FakeNetwork(clock);
    for (let n = 0; n < boxes; n++) network.hosts.set(boxName(n), { kind: "box", generation: "19", body: BODY_19_OK });
    const stored = new Map<number, { facts: string; at: number }>();
    const writes = new Map<number, number>();
    let reports = 0;
    const send = async (batch: OutgoingReport[]) => {
        const now = clock.now();
        reports += batch.length;
        return batch.map((report) => {
            const facts = JSON.stringify([report.state, report.end_date, report.error, report.status]);
            const row = stored.get(report.id);
            if (!row || row.facts !== facts || now - row.at >= REFRESH_MS) {
                stored.set(report.id, { facts, at: now });
                writes.set(report.id, (writes.get(report.id) ?? 0) + 1);
            }
            return { id: report.id, reported_at: serverDate(stored.get(report.id)!.at) };
        });
    };
    const stores = Array.from({ length: browsers }, (_, b) => makeHarness({}, { clock, network, tabId: `browser-${b}`, report: send }).store);
    for (const store of stores) {
        for (let n = 0; n < boxes; n++) store.subscribe({ id: n + 1, ip: boxName(n), version: "25.04" }, () => undefined);
    }
    await clock.advance(hours * 3_600_000);
    const calls = stores.reduce((sum, store) => sum + store.reports.calls, 0);
    for (const store of stores) store.destroy();
    return { callsPerBrowserHour: calls / browsers / hours, maxWritesPerBoxDay: Math.max(...writes.values()) / (hours / 24), reports };
}

const CONCURRENCY = 6;
const BOXES = 1000;
const round = await firstRound(BOXES, CONCURRENCY);
const limit = (BOXES * LATENCY) / CONCURRENCY;
const sample = 100;
const sequential = (await firstRound(sample, 1)) * (BOXES / sample);
line("first-round-1000-boxes", `${(round / 1000).toFixed(2)} s`, `limit ${(limit / 1000).toFixed(2)} s = ${BOXES} × ${LATENCY} ms / ${CONCURRENCY}, ratio ${(round / limit).toFixed(2)}×; naive sequential ${(sequential / 1000).toFixed(1)} s (measured on ${sample} boxes, scaled), ${(sequential / round).toFixed(1)}× slower`);
const perHour = await requestsPerHour();
line("healthy-requests-per-box-hour", `${perHour.toFixed(2)} req/h`, `Odoo's box homepage: 360 req/h, ${(360 / perHour).toFixed(0)}× fewer; goal ≤ 30`);
const [boxes = 1000, browsers = 20, hours = 24] = (process.env.BENCH_FLEET ?? "").split(",").filter(Boolean).map(Number);
const FLEET = { boxes, browsers, hours };
const started = performance.now();
const cost = await reportCost(FLEET.boxes, FLEET.browsers, FLEET.hours);
line(
    `database-reports-${FLEET.boxes}-boxes-${FLEET.browsers}-browsers`,
    `${cost.callsPerBrowserHour.toFixed(2)} calls per browser per hour, at most ${cost.maxWritesPerBoxDay.toFixed(2)} writes per box per day`,
    `goal: a few calls per browser per hour and ≤ 2 writes per box per day; ${cost.reports} box reports in ${FLEET.hours} h, simulated in ${((performance.now() - started) / 1000).toFixed(1)} s`
);
const heap = await heapGrowth(10_000);
line("heap-growth-10000-cycles", `${(heap.afterGc / 1024).toFixed(1)} KiB after GC`, `${(heap.raw / 1024).toFixed(1)} KiB before GC; goal < 1024 KiB`);
