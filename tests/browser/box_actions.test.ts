import { BoxActions } from "../../static/src/components/box_actions/box_actions";
import type { ActionOutcome, ActionPlan } from "../../static/src/core/box_actions";
import type { Verdict } from "../../static/src/core/diagnosis";
import { STATUS_SERVICE } from "../../static/src/odoo/status_service";
import { CertificatePanelWidget } from "../../static/src/odoo/widgets";
import type { ActionResult } from "../../static/src/store/box_actions";
import { makeHarness } from "../../static/tests/helpers/store_harness";
import { cleanup, mountComponent, nextTick, text, waitFor } from "./helpers";

const BOX_NAME = "10-0-0-1.abcd1234.odoo-iot.com";
const BASE = `https://${BOX_NAME}/`;
const RETRY: ActionPlan = { kind: "retry", base: BASE, route: "hw_posbox_homepage/data", generation: "18" };
const RESTART: ActionPlan = { kind: "restart", base: BASE, route: "hw_posbox_homepage/restart_odoo_service", generation: "18" };
const ERROR_503: Verdict = { key: "ERR_IOT_HTTPS_LOAD_REQUEST_STATUS", code: "ERR_IOT_HTTPS_LOAD_REQUEST_STATUS", status: "503", rule: "box_code", generation: "18", nameAnswered: true };
const BODY_503 = JSON.stringify({ is_certificate_ok: false, certificate_details: "ERR_IOT_HTTPS_LOAD_REQUEST_STATUS 503\n\nService Unavailable" });

/** The actions with a `run` that answers `result` and turns the verdict into `after`. */
async function mountActions(result: ActionResult | undefined, after: Verdict = ERROR_503, extra: object = {}) {
    const props = {
        plans: [RETRY, RESTART], verdict: ERROR_503, availableAtText: "", formatDate: (ms: number) => new Date(ms).toISOString().slice(0, 10),
        run: async (_plan: ActionPlan, onProgress: (p: { elapsedMs: number }) => void) => {
            onProgress({ elapsedMs: 4000 });
            await nextTick();
            return result && { ...result, verdict: after };
        },
        ...extra,
    };
    // A parent that passes the current verdict, as the panel does.
    const target = await mountComponent(BoxActions, props);
    return { target, props };
}

const click = (target: HTMLElement, selector: string) => (target.querySelector(selector) as HTMLButtonElement).click();
const resultText = (target: HTMLElement) => text(target.querySelector(".o_iot_https_action_result"));

QUnit.module("box actions", (hooks) => {
    hooks.afterEach(cleanup);

    QUnit.test("an IoT administrator gets the actions on a box in trouble; Check now says it asks the box to retry", async (assert) => {
        const h = makeHarness();
        h.network.hosts.set(BOX_NAME, { kind: "box", generation: "18", body: BODY_503 });
        const env = { services: { [STATUS_SERVICE]: h.store, orm: { call: async () => true } } };
        const admin = { resId: 1, data: { ip: BOX_NAME, https_certificate_facts: { version: "L24.10-18.0" }, https_certificate_can_act: true } };
        const target = await mountComponent(CertificatePanelWidget, { record: admin }, env);
        await h.clock.advance(200);
        await waitFor(() => target.querySelector(".o_iot_https_retry") !== null, "the actions");
        assert.strictEqual(text(target.querySelector(".o_iot_https_retry")), "Ask the box to retry");
        assert.strictEqual(text(target.querySelector(".o_iot_https_restart")), "Restart the box");
        assert.strictEqual(text(target.querySelector(".o_iot_https_check_retries")), "Each check asks this box to retry its certificate.");
        assert.strictEqual(target.querySelector(".o_iot_https_check_now")!.getAttribute("title"), "Each check asks this box to retry its certificate.");
        cleanup();
        const user = { resId: 2, data: { ip: BOX_NAME, https_certificate_facts: { version: "L24.10-18.0" }, https_certificate_can_act: false } };
        const other = await mountComponent(CertificatePanelWidget, { record: user }, env);
        await h.clock.advance(200);
        await waitFor(() => other.querySelector(".o_iot_https_panel")?.getAttribute("data-state") === "ERR_IOT_HTTPS_LOAD_REQUEST_STATUS", "the verdict");
        assert.strictEqual(other.querySelector(".o_iot_https_actions"), null, "anyone else: the steps as text only");
        assert.ok(other.querySelectorAll(".o_iot_https_steps li").length > 0);
    });

    QUnit.test("restarting asks first, naming what it interrupts; Cancel does nothing", async (assert) => {
        let runs = 0;
        const { target } = await mountActions({ outcome: "back", elapsedMs: 4000 }, { ...ERROR_503, key: "ok", code: undefined, status: undefined, validUntil: Date.UTC(2027, 0, 1) }, {});
        click(target, ".o_iot_https_restart");
        await nextTick();
        assert.ok(/payment terminals, printers and scales/.test(text(target.querySelector(".o_iot_https_confirm"))), text(target.querySelector(".o_iot_https_confirm")));
        assert.strictEqual(target.querySelector(".o_iot_https_confirm")!.getAttribute("role"), "alertdialog");
        click(target, ".o_iot_https_confirm_cancel");
        await nextTick();
        assert.strictEqual(target.querySelector(".o_iot_https_confirm"), null);
        assert.strictEqual(runs, 0);
    });

    const OUTCOMES: [ActionOutcome, Verdict, RegExp][] = [
        ["retried", ERROR_503, /^The box tried again: still Error: odoo.com answered \(ERR_IOT_HTTPS_LOAD_REQUEST_STATUS 503\)\.$/],
        ["retried", { key: "ok", rule: "name_answered", validUntil: Date.UTC(2027, 1, 1) }, /^The box tried again: it now has a certificate valid until 2027-02-01\.$/],
        ["retried", { key: "ERR_IOT_HTTPS_LOAD_REQUEST_NO_RESULT", code: "ERR_IOT_HTTPS_LOAD_REQUEST_NO_RESULT", rule: "box_code" }, /^The box tried again: now Error: not eligible \(ERR_IOT_HTTPS_LOAD_REQUEST_NO_RESULT\)\.$/],
        ["still_trying", ERROR_503, /^The box is still trying: it is waiting for odoo.com\./],
        ["back", { key: "ok", rule: "name_answered" }, /^The box is back after 4 s\. It reads: HTTPS OK\.$/],
        ["unconfirmed", ERROR_503, /^The box answered; the restart is not confirmed\. It reads: Error: odoo.com answered/],
        ["gave_up", ERROR_503, /^The box did not come back within 2 minutes\. .*unplug it/],
        ["refused", ERROR_503, /^The box did not take the request\./],
        ["unreadable", ERROR_503, /^The box answered something that is not what it should\./],
    ];
    for (const [outcome, after, words] of OUTCOMES) {
        QUnit.test(`outcome "${outcome}" (${after.key}) in words`, async (assert) => {
            const { target } = await mountActions({ outcome, elapsedMs: 4000 }, after);
            click(target, outcome === "back" || outcome === "unconfirmed" || outcome === "gave_up" ? ".o_iot_https_restart" : ".o_iot_https_retry");
            if (target.querySelector(".o_iot_https_confirm_restart")) {
                await nextTick();
            }
            await nextTick();
            const confirm = target.querySelector(".o_iot_https_confirm_restart") as HTMLButtonElement | null;
            if (confirm) {
                confirm.click();
                await waitFor(() => text(target.querySelector(".o_iot_https_progress")) === "Restarting… 4 s" || resultText(target) !== "", "progress");
            }
            await waitFor(() => resultText(target) !== "", "the outcome");
            assert.ok(words.test(resultText(target)), resultText(target));
            const failed = !["retried", "back", "unconfirmed"].includes(outcome);
            assert.strictEqual(target.querySelector(".o_iot_https_action_result")!.classList.contains("text-danger"), failed);
        });
    }

    QUnit.test("while the one-per-minute limit holds, the buttons wait and say until when", async (assert) => {
        const { target } = await mountActions(undefined, ERROR_503, { availableAtText: "12:03:04" });
        assert.ok((target.querySelector(".o_iot_https_retry") as HTMLButtonElement).disabled);
        assert.ok((target.querySelector(".o_iot_https_restart") as HTMLButtonElement).disabled);
        assert.strictEqual(text(target.querySelector(".o_iot_https_available")), "Available again at 12:03:04");
    });

    QUnit.test("a hostile code in the outcome stays text", async (assert) => {
        const hostile: Verdict = { key: "unknown_code", code: "<img src=x onerror=alert(1)>", rule: "box_unknown_text" };
        const { target } = await mountActions({ outcome: "retried" }, hostile);
        click(target, ".o_iot_https_retry");
        await waitFor(() => resultText(target) !== "", "the outcome");
        assert.strictEqual(target.querySelector(".o_iot_https_action_result img"), null);
        assert.ok(/^The box tried again: now Unknown error\.$/.test(resultText(target)), resultText(target));
    });
});
