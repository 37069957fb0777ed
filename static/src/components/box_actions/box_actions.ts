import { Component, useState } from "@odoo/owl";
import { getCatalog } from "../../core/catalog";
import type { ActionOutcome, ActionPlan, BoxActionKind } from "../../core/box_actions";
import type { Verdict } from "../../core/diagnosis";
import { _t } from "../../core/translate";
import type { ActionProgress, ActionResult } from "../../store/box_actions";

export interface BoxActionsProps {
    plans: ActionPlan[];
    /** The box's verdict now: the outcome's words compare it with the one before the action. */
    verdict: Verdict;
    /** "12:03:04" when the one-per-minute limit holds; empty when the box may be acted on. */
    availableAtText: string;
    /** Formats an end date in the user's time zone. */
    formatDate: (ms: number) => string;
    run: (plan: ActionPlan, onProgress: (progress: ActionProgress) => void) => Promise<ActionResult | undefined>;
}

/**
 * The documented first step in one click, on the panel: "Ask the box to retry" (16–18) and
 * "Restart the box" (where a status route identified the box). Restarting interrupts the
 * devices the box serves, so it asks first, in the panel itself.
 */
export class BoxActions extends Component<BoxActionsProps> {
    static template = "iot_https_certificate.BoxActions";
    static props = { plans: Array, verdict: Object, availableAtText: String, formatDate: Function, run: Function };

    declare state: { confirming: boolean; running?: BoxActionKind; progress: string; message: string; failed: boolean };

    setup(): void {
        this.state = useState({ confirming: false, running: undefined, progress: "", message: "", failed: false });
    }

    get retry(): ActionPlan | undefined {
        return this.props.plans.find((plan) => plan.kind === "retry");
    }

    get restart(): ActionPlan | undefined {
        return this.props.plans.find((plan) => plan.kind === "restart");
    }

    get busy(): boolean {
        return Boolean(this.state.running) || Boolean(this.props.availableAtText);
    }

    get availableAgain(): string {
        return this.props.availableAtText && !this.state.running ? _t("Available again at %s").replace("%s", this.props.availableAtText) : "";
    }

    askRestart(): void {
        this.state.confirming = true;
    }

    cancelRestart(): void {
        this.state.confirming = false;
    }

    async act(plan: ActionPlan | undefined): Promise<void> {
        if (!plan || this.busy) return;
        this.state.confirming = false;
        this.state.running = plan.kind;
        this.state.message = "";
        this.state.progress = plan.kind === "restart" ? _t("Restarting…") : _t("Asking the box to retry…");
        const before = this.props.verdict;
        const result = await this.props.run(plan, ({ elapsedMs }) => {
            this.state.progress = _t("Restarting… %s s").replace("%s", String(Math.round(elapsedMs / 1000)));
        });
        this.state.running = undefined;
        this.state.progress = "";
        if (!result) return;
        this.state.failed = !["retried", "back", "unconfirmed"].includes(result.outcome);
        this.state.message = this.sentence(result, before, result.verdict ?? this.props.verdict);
    }

    /** The outcome in words, with what the box says now. */
    sentence(result: ActionResult, before: Verdict, after: Verdict): string {
        const now = this.verdictWords(after);
        const seconds = String(Math.round((result.elapsedMs ?? 0) / 1000));
        const words: Record<ActionOutcome, () => string> = {
            retried: () => {
                if (after.key === "ok" && after.validUntil !== undefined) {
                    return _t("The box tried again: it now has a certificate valid until %s.").replace("%s", this.props.formatDate(after.validUntil));
                }
                const same = after.key === before.key && after.code === before.code && after.status === before.status;
                return (same ? _t("The box tried again: still %s.") : _t("The box tried again: now %s.")).replace("%s", now);
            },
            still_trying: () => _t("The box is still trying: it is waiting for odoo.com. It will be read again shortly."),
            back: () => _t("The box is back after %s s.").replace("%s", seconds) + " " + _t("It reads: %s.").replace("%s", now),
            unconfirmed: () => _t("The box answered; the restart is not confirmed.") + " " + _t("It reads: %s.").replace("%s", now),
            gave_up: () => _t("The box did not come back within 2 minutes. Check that it is powered on and connected, then unplug it for a few seconds and plug it in again."),
            refused: () => _t("The box did not take the request. Press Check now, then try again."),
            unreadable: () => _t("The box answered something that is not what it should. Open the box home page to see what answers there."),
        };
        return words[result.outcome]();
    }

    private verdictWords(verdict: Verdict): string {
        const label = getCatalog().entries[verdict.key].label;
        return verdict.code && verdict.key !== "unknown_code" ? `${label} (${verdict.code}${verdict.status ? ` ${verdict.status}` : ""})` : label;
    }
}
