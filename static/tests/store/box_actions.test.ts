import { actionPlans, uptimeRestarted } from "../../src/core/box_actions";
import type { ActionPlan } from "../../src/core/box_actions";
import { parseBoxAddress } from "../../src/core/address";
import type { Verdict } from "../../src/core/diagnosis";
import { BoxActionRunner } from "../../src/store/box_actions";
import { FakeClock } from "../helpers/fake_clock";

const NAME = "192-168-1-10.d73e7513.odoo-iot.com";
const BASE = `https://${NAME}/`;
const verdict = (fields: Partial<Verdict>): Verdict => ({ key: "ERR_IOT_HTTPS_LOAD_REQUEST_STATUS", rule: "box_code", nameAnswered: true, ...fields });

/**
 * A box on the fake clock: `away` from..until it answers nothing (a restart), its Odoo uptime
 * counts from its last start; `answers` overrides what a route says.
 */
function scriptedBox(clock: FakeClock, { restartsFor = 1500, restarts = true, garbage = false, hangs = false } = {}) {
    let startedAt = clock.now() - 3600_000;
    let awayUntil = 0;
    const calls: string[] = [];
    const fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
        const path = new URL(String(input)).pathname;
        calls.push(path);
        return new Promise((resolve, reject) => {
            init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
            clock.setTimeout(() => {
                if (clock.now() < awayUntil) return reject(new TypeError("Failed to fetch"));
                if (path.endsWith("restart_odoo_service")) {
                    if (restarts) clock.setTimeout(() => ((awayUntil = clock.now() + restartsFor), (startedAt = clock.now() + restartsFor)), 100);
                    return resolve(new Response(JSON.stringify({ status: "success", message: "Odoo service restarted" })));
                }
                if (path === "/iot_drivers/data") {
                    return resolve(new Response(garbage ? "<html>" : JSON.stringify({ certificate_end_date: null, odoo_uptime_seconds: (clock.now() - startedAt) / 1000 })));
                }
                if (path === "/hw_proxy/hello") return resolve(new Response(garbage ? "pong?" : "ping"));
                if (path === "/hw_drivers/check_certificate") {
                    if (hangs) return; // the box's own call to odoo.com has no time limit
                    return resolve(new Response(""));
                }
                reject(new TypeError("Failed to fetch"));
            }, 20);
        });
    };
    return { fetch, calls };
}

function runnerOn(clock: FakeClock, box: ReturnType<typeof scriptedBox>, storage = new Map<string, string>()) {
    const checks: number[] = [];
    const runner = new BoxActionRunner({
        net: { fetch: box.fetch as typeof fetch, setTimeout: clock.setTimeout, clearTimeout: clock.clearTimeout, now: clock.now },
        storage: { getItem: (key) => storage.get(key) ?? null, setItem: (key, value) => void storage.set(key, value) },
        check: async (id) => (checks.push(id), verdict({ key: "ok", validUntil: clock.now() + 80 * 86_400_000 })),
    });
    return { runner, checks, storage };
}

/** Runs the action while the fake clock moves, as the page's timers would. */
async function runFor<T>(clock: FakeClock, promise: Promise<T>, ms = 180_000): Promise<T> {
    let settled = false;
    const done = promise.finally(() => (settled = true));
    for (let waited = 0; !settled && waited < ms; waited += 250) await clock.advance(250);
    return done;
}

const plan19: ActionPlan = { kind: "restart", base: BASE, route: "iot_drivers/restart_odoo_service", generation: "19" };
const plan18: ActionPlan = { kind: "restart", base: BASE, route: "hw_posbox_homepage/restart_odoo_service", generation: "18" };

QUnit.module("iot_https_certificate/store/box_actions", () => {
    QUnit.test("which actions a box offers, and where they go: only a validated address that answered from here", (assert) => {
        const named = parseBoxAddress(NAME);
        assert.deepEqual(actionPlans(named, verdict({ generation: "18" }), "http:").map((p) => `${p.kind} ${p.base}${p.route}`), [
            `retry ${BASE}hw_posbox_homepage/data`, `restart ${BASE}hw_posbox_homepage/restart_odoo_service`,
        ]);
        assert.deepEqual(actionPlans(named, verdict({ generation: "19" }), "https:").map((p) => p.kind), ["restart"], "19.0: restart only");
        assert.deepEqual(actionPlans(named, verdict({ generation: "legacy" }), "http:").map((p) => p.route), ["hw_drivers/check_certificate"], "hello-only: retry, no restart");
        assert.deepEqual(actionPlans(named, verdict({ generation: "18", nameAnswered: false, lanAnswered: true }), "http:")[0].base, "http://192.168.1.10:8069/", "the LAN address that answered");
        assert.deepEqual(actionPlans(named, verdict({ generation: "18", nameAnswered: false, lanAnswered: true }), "https:"), [], "not plain HTTP from an https page");
        assert.deepEqual(actionPlans(named, verdict({ generation: undefined }), "http:"), [], "no generation identified: nothing");
        assert.deepEqual(actionPlans(parseBoxAddress("javascript:alert(1)"), verdict({ generation: "18" }), "http:"), [], "never an address not validated");
    });

    QUnit.test("a restarted 19.0 box is back when its Odoo uptime starts again", async (assert) => {
        const clock = new FakeClock();
        const box = scriptedBox(clock);
        const { runner, checks } = runnerOn(clock, box);
        const progress: number[] = [];
        const result = await runFor(clock, runner.run(7, plan19, ({ elapsedMs }) => progress.push(elapsedMs))!);
        assert.strictEqual(result?.outcome, "back");
        assert.ok(result!.elapsedMs! >= 1500 && result!.elapsedMs! < 10_000, `back after ${result!.elapsedMs} ms`);
        assert.ok(progress.length > 0, "progress was shown");
        assert.deepEqual(checks, [7], "then checked again");
        assert.ok(uptimeRestarted(3600, 2, 3) && !uptimeRestarted(3600, 3603, 3), "the uptime rule");
    });

    QUnit.test("a 17.0/18.0 box is back once it failed to answer, then answered", async (assert) => {
        const clock = new FakeClock();
        const { runner } = runnerOn(clock, scriptedBox(clock, { restartsFor: 2500 }));
        const result = await runFor(clock, runner.run(7, plan18)!);
        assert.strictEqual(result?.outcome, "back");
    });

    QUnit.test("a box that answers throughout: the restart is not confirmed; one that never comes back: given up after 2 minutes", async (assert) => {
        const clock = new FakeClock();
        const steady = await runFor(clock, runnerOn(clock, scriptedBox(clock, { restarts: false })).runner.run(7, plan18)!);
        assert.strictEqual(steady?.outcome, "unconfirmed");
        const gone = await runFor(clock, runnerOn(clock, scriptedBox(clock, { restartsFor: 10 * 60_000 })).runner.run(8, plan18)!);
        assert.deepEqual([gone?.outcome, gone!.elapsedMs! >= 120_000 && gone!.elapsedMs! < 130_000], ["gave_up", true]);
    });

    QUnit.test("a box that answers garbage, or refuses the request, ends in a named state", async (assert) => {
        const clock = new FakeClock();
        const garbled = await runFor(clock, runnerOn(clock, scriptedBox(clock, { garbage: true })).runner.run(7, plan19)!);
        assert.strictEqual(garbled?.outcome, "unreadable");
        const wrong = { ...plan19, route: "nothing/here" };
        const refused = await runFor(clock, runnerOn(clock, scriptedBox(clock)).runner.run(8, wrong)!);
        assert.strictEqual(refused?.outcome, "refused");
    });

    QUnit.test("a hello-only box's retry that does not answer: the box is still trying", async (assert) => {
        const clock = new FakeClock();
        const retry: ActionPlan = { kind: "retry", base: BASE, route: "hw_drivers/check_certificate", generation: "legacy" };
        const { runner, checks } = runnerOn(clock, scriptedBox(clock, { hangs: true }));
        assert.strictEqual((await runFor(clock, runner.run(7, retry)!))?.outcome, "still_trying");
        assert.deepEqual(checks, [], "nothing to read yet");
        const { runner: answering, checks: read } = runnerOn(clock, scriptedBox(clock));
        assert.strictEqual((await runFor(clock, answering.run(7, retry)!))?.outcome, "retried");
        assert.deepEqual(read, [7], "then the box is read again");
    });

    QUnit.test("one action per box per minute from one browser, shared by its tabs; never two at once", async (assert) => {
        const clock = new FakeClock();
        const box = scriptedBox(clock);
        const shared = new Map<string, string>();
        const tab1 = runnerOn(clock, box, shared).runner;
        const tab2 = runnerOn(clock, box, shared).runner;
        const first = tab1.run(7, plan19);
        assert.strictEqual(await tab1.run(7, plan19), undefined, "not while one runs");
        assert.strictEqual(await tab2.run(7, plan19), undefined, "another tab waits too");
        assert.ok(tab2.availableAt(7)! >= clock.now() + 59_000, "and says when it can act again");
        assert.strictEqual(tab2.availableAt(8), undefined, "another box is free");
        await runFor(clock, first!);
        await clock.advance(61_000);
        assert.strictEqual(tab2.availableAt(7), undefined, "a minute later");
    });
});
