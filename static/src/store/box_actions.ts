/**
 * Acting on a box from this browser: ask it to retry its certificate, or restart it and wait
 * for it to come back. One action per box per minute from one browser, shared by its tabs
 * (localStorage), and never two at once on a box.
 */
import { ACTION_INTERVAL_MS, RESTART_WAIT_MS, UNCONFIRMED_AFTER_MS, uptimeRestarted } from "../core/box_actions";
import type { ActionOutcome, ActionPlan } from "../core/box_actions";
import { parseHello, readUptime } from "../core/parsers";
import { request } from "./request";
import type { Net } from "./request";
import type { Verdict } from "../core/diagnosis";

/** What the panel shows while a restart runs: "Restarting… back after 4 s". */
export interface ActionProgress {
    elapsedMs: number;
}

export interface ActionResult {
    outcome: ActionOutcome;
    /** How long the box took to come back, for a restart. */
    elapsedMs?: number;
    /** The box's verdict from the check that followed, when one did. */
    verdict?: Verdict;
}

export interface ActionDeps {
    net: Net;
    storage?: Pick<Storage, "getItem" | "setItem">;
    /** Checks the box again through the status store; its new verdict. */
    check: (boxId: number) => Promise<Verdict | undefined>;
    sleep?: (ms: number) => Promise<void>;
}

const KEY = "iot_https_certificate.action.";
/** A request to the box that must not hang the panel: the box's own call to odoo.com has no limit. */
const ACTION_TIMEOUT_MS = 20_000;
const POLL_TIMEOUT_MS = 4_000;

export class BoxActionRunner {
    private running = new Set<number>();

    constructor(private deps: ActionDeps) {}

    /** When this browser may act on the box again; undefined when it may now. */
    availableAt(boxId: number): number | undefined {
        const last = Number(this.read(boxId));
        const at = Number.isFinite(last) && last > 0 ? last + ACTION_INTERVAL_MS : 0;
        return this.running.has(boxId) || at > this.deps.net.now() ? Math.max(at, this.deps.net.now()) : undefined;
    }

    /** Runs `plan` on box `boxId`; undefined when the limit holds or an action runs. */
    async run(boxId: number, plan: ActionPlan, onProgress: (progress: ActionProgress) => void = () => {}): Promise<ActionResult | undefined> {
        if (this.availableAt(boxId) !== undefined) return undefined;
        this.running.add(boxId);
        this.write(boxId, String(this.deps.net.now()));
        try {
            return plan.kind === "retry" ? await this.retry(boxId, plan) : await this.restart(boxId, plan, onProgress);
        } finally {
            this.running.delete(boxId);
        }
    }

    /**
     * A box with a status route retries at each read of it, which is what a check does: the
     * action is that one read. A hello-only box gets its check route first. A read that does not
     * answer in time: the box still waits on odoo.com.
     */
    private async retry(boxId: number, plan: ActionPlan): Promise<ActionResult> {
        if (plan.generation === "legacy") {
            const asked = await this.send(plan.base + plan.route, ACTION_TIMEOUT_MS);
            if (asked.kind === "timeout") return { outcome: "still_trying" };
            if (asked.kind !== "answered" || !asked.ok) return { outcome: "refused" };
        }
        const verdict = await this.deps.check(boxId);
        return { outcome: verdict?.key === "status_hanging" ? "still_trying" : "retried", verdict };
    }

    /**
     * Restarts the box and waits for it, 1 s doubling to 8 s, for at most 2 minutes. "Back":
     * on 19.0 its Odoo uptime started again; on 17.0/18.0 it failed to answer, then answered.
     */
    private async restart(boxId: number, plan: ActionPlan, onProgress: (progress: ActionProgress) => void): Promise<ActionResult> {
        const { net } = this.deps;
        const probe = plan.generation === "19" ? `${plan.base}iot_drivers/data` : `${plan.base}hw_proxy/hello`;
        const read = plan.generation === "19" ? await this.uptime(probe) : undefined;
        if (read === "away") return { outcome: "refused" };
        if (read === "garbled") return { outcome: "unreadable" };
        const before = read;
        const asked = await this.send(plan.base + plan.route, ACTION_TIMEOUT_MS);
        if (asked.kind !== "answered" || !asked.ok) return { outcome: "refused" };
        const started = net.now();
        let away = false;
        let garbled = false;
        let answeredSince: number | undefined;
        for (let delay = 1000; net.now() - started < RESTART_WAIT_MS; delay = Math.min(delay * 2, 8000)) {
            await this.sleep(delay);
            const elapsedMs = net.now() - started;
            onProgress({ elapsedMs });
            const seen = plan.generation === "19" ? await this.uptime(probe) : await this.hello(probe);
            if (typeof seen !== "number" && seen !== "alive") {
                garbled ||= seen === "garbled";
                away = true;
                answeredSince = undefined;
                continue;
            }
            if (typeof seen === "number" ? uptimeRestarted(before ?? 0, seen, elapsedMs / 1000) : away) {
                return { outcome: "back", elapsedMs, verdict: await this.deps.check(boxId) };
            }
            answeredSince ??= net.now();
            if (net.now() - answeredSince >= UNCONFIRMED_AFTER_MS) break;
        }
        const elapsedMs = net.now() - started;
        if (answeredSince === undefined) return { outcome: garbled ? "unreadable" : "gave_up", elapsedMs };
        return { outcome: "unconfirmed", elapsedMs, verdict: await this.deps.check(boxId) };
    }

    /** A 19 box's Odoo uptime; "garbled" when it answers something else, "away" when it does not answer. */
    private async uptime(url: string): Promise<number | "garbled" | "away"> {
        const read = await this.send(url, POLL_TIMEOUT_MS);
        if (read.kind !== "answered" || !read.ok) return "away";
        return (read.tooLarge ? undefined : readUptime(read.text)) ?? "garbled";
    }

    private async hello(url: string): Promise<"alive" | "garbled" | "away"> {
        const read = await this.send(url, POLL_TIMEOUT_MS);
        if (read.kind !== "answered" || !read.ok) return "away";
        return parseHello(read.text).kind === "alive" ? "alive" : "garbled";
    }

    private send(url: string, timeoutMs: number) {
        return request(this.deps.net, url, { mode: "cors", timeoutMs });
    }

    private sleep(ms: number): Promise<void> {
        return this.deps.sleep?.(ms) ?? new Promise((done) => this.deps.net.setTimeout(done, ms));
    }

    private read(boxId: number): string | null {
        try {
            return this.deps.storage?.getItem(KEY + boxId) ?? null;
        } catch {
            return null;
        }
    }

    private write(boxId: number, value: string): void {
        try {
            this.deps.storage?.setItem(KEY + boxId, value);
        } catch {
            // Storage denied: the limit then holds in this tab only.
        }
    }
}
