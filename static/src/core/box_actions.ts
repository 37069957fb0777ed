/**
 * The documented first step, as actions on the box itself: which ones a box offers, where to
 * send them, and what their outcome means. Pure: the network part is store/box_actions.ts.
 *
 * The box software offers both to any page, without login (CORS `*`):
 * - retry: on boxes with `/hw_posbox_homepage/data` (current 17.0 and 18.0) each read of it
 *   runs the certificate check and the download when one is due; hello-only boxes get
 *   `/hw_drivers/check_certificate`, which does the same;
 * - restart: `/hw_posbox_homepage/restart_odoo_service` (17.0, 18.0) or
 *   `/iot_drivers/restart_odoo_service` (19.0), only where a status route identified the
 *   generation. 19.0 boxes check their certificate only when they start, so a restart is their
 *   first step.
 */
import type { BoxAddress } from "./address";
import type { Verdict } from "./diagnosis";
import type { Generation } from "./generation";

export type BoxActionKind = "retry" | "restart";

/** What happened, in the words the history keeps (`iot.box.log_https_certificate_action`). */
export type ActionOutcome =
    /** The box tried again and answered with its (new) report. */
    | "retried"
    /** The retry did not answer in time: the box is still waiting on odoo.com. */
    | "still_trying"
    /** The restart was confirmed: the box went away and came back (19.0: its uptime restarted). */
    | "back"
    /** The box answered throughout: the restart is not confirmed. */
    | "unconfirmed"
    /** The box did not come back within the wait. */
    | "gave_up"
    /** The box did not take the request. */
    | "refused"
    /** The box answered something that is not what it should. */
    | "unreadable";

export const ACTION_OUTCOMES: readonly ActionOutcome[] = ["retried", "still_trying", "back", "unconfirmed", "gave_up", "refused", "unreadable"];

export interface ActionPlan {
    kind: BoxActionKind;
    /** The validated address that answered from this browser, ending with "/". */
    base: string;
    route: string;
    generation: Generation;
}

const RETRY_ROUTE: Partial<Record<Generation, string>> = { "18": "hw_posbox_homepage/data", legacy: "hw_drivers/check_certificate" };
const RESTART_ROUTE: Partial<Record<Generation, string>> = { "18": "hw_posbox_homepage/restart_odoo_service", "19": "iot_drivers/restart_odoo_service" };

/** One action per box per minute from one browser. */
export const ACTION_INTERVAL_MS = 60_000;
/** How long a restarted box may take to come back; a 19.0 box once took 60 s. */
export const RESTART_WAIT_MS = 120_000;
/** A box that answered this long after the request, never seen away, did not restart. */
export const UNCONFIRMED_AFTER_MS = 30_000;

/**
 * Where this browser may act on the box: its HTTPS name when that worked from here, else its
 * LAN address when the box answered there and the page may use plain HTTP.
 */
export function actionBase(address: BoxAddress, verdict: Verdict, pageProtocol: string): string | undefined {
    if (address.kind === "named" && verdict.nameAnswered) return address.httpsUrl;
    if ((address.kind === "named" || address.kind === "plain_ip") && verdict.lanAnswered && pageProtocol === "http:") return address.lanUrl;
    return undefined;
}

/** The actions a box offers, first step first: a 19.0 box is restarted, an older one retries. */
export function actionPlans(address: BoxAddress, verdict: Verdict, pageProtocol: string): ActionPlan[] {
    const base = actionBase(address, verdict, pageProtocol);
    const generation = verdict.generation;
    if (!base || !generation) return [];
    const plans: ActionPlan[] = [];
    const retry = RETRY_ROUTE[generation];
    if (retry) plans.push({ kind: "retry", base, route: retry, generation });
    const restart = RESTART_ROUTE[generation];
    if (restart) plans.push({ kind: "restart", base, route: restart, generation });
    return plans;
}

/**
 * Whether a restarted 19.0 box is back: its Odoo uptime started again, so it is less than it
 * would be had the box kept running (`before` plus the time since).
 */
export function uptimeRestarted(before: number, now: number, elapsedSeconds: number): boolean {
    return now < before + elapsedSeconds - 1;
}
