/**
 * The panel's actions on the box, wired to this web client: the runner (one per status store,
 * so tabs and views share its limits), the page's protocol, and the box's history through the
 * `orm` service. Only an IoT administrator gets them (`https_certificate_can_act`).
 */
import { browser } from "@web/core/browser/browser";
import { useService } from "@web/core/utils/hooks";
import { actionPlans } from "../core/box_actions";
import type { ActionPlan } from "../core/box_actions";
import type { BoxActionsProps } from "../components/box_actions/box_actions";
import { BoxActionRunner } from "../store/box_actions";
import { netOf } from "../store/browser_net";
import type { StatusStore } from "../store/status_store";
import { formatInstant } from "./time";
import type { BoxWatch, OdooRecord } from "./use_box_status";

interface Orm {
    call(model: string, method: string, args: unknown[]): Promise<unknown>;
}

const runners = new WeakMap<StatusStore, BoxActionRunner>();

function runnerOf(store: StatusStore): BoxActionRunner {
    let runner = runners.get(store);
    if (!runner) {
        runner = new BoxActionRunner({
            net: netOf(browser, () => store.now()),
            storage: browser.localStorage,
            check: async (boxId) => {
                await store.checkNow(boxId);
                return store.statuses().find((status) => status.boxId === boxId)?.verdict;
            },
        });
        runners.set(store, runner);
    }
    return runner;
}

/** The `actions` prop of the panel for this record, or undefined for anyone but an IoT administrator. */
export function useBoxActions(watch: BoxWatch, getRecord: () => OdooRecord): () => Omit<BoxActionsProps, "verdict"> | undefined {
    const orm: Orm = useService("orm");
    const runner = runnerOf(watch.store);
    const run = async (plan: ActionPlan, onProgress: Parameters<BoxActionRunner["run"]>[2]) => {
        const boxId = watch.state.status.boxId;
        const result = await runner.run(boxId, plan, onProgress);
        // The box's history says who did what, and how it went; a refusal there changes nothing here.
        if (result) orm.call("iot.box", "log_https_certificate_action", [[boxId], plan.kind, result.outcome]).catch(() => undefined);
        return result;
    };
    return () => {
        if (getRecord().data.https_certificate_can_act !== true) return undefined;
        const { address, verdict, boxId } = watch.state.status;
        const availableAt = runner.availableAt(boxId);
        return {
            plans: actionPlans(address, verdict, browser.location.protocol),
            availableAtText: availableAt === undefined ? "" : formatInstant(availableAt),
            formatDate: formatInstant,
            run,
        };
    };
}
