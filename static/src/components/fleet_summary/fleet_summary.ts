import { Component } from "@odoo/owl";
import type { BoxStatus } from "../../store/box_status";
import { FLEET_ICONS, fleetGroupOf } from "../presentation";
import type { FleetGroup } from "../presentation";

export interface FleetSummaryProps {
    statuses: BoxStatus[];
    /** Called with the ids of the boxes that have a problem, for a domain `[("id", "in", ids)]`. */
    onShowProblems: (boxIds: number[]) => void;
}

/** How many boxes are OK, expiring, failing and unreachable, above the list and the kanban. */
export class FleetSummary extends Component<FleetSummaryProps> {
    static template = "iot_https_certificate.FleetSummary";
    static props = { statuses: Array, onShowProblems: Function };

    readonly icons = FLEET_ICONS;

    get counts(): Record<FleetGroup, number> {
        const counts: Record<FleetGroup, number> = { ok: 0, expiring: 0, failing: 0, unreachable: 0, checking: 0 };
        for (const status of this.props.statuses) counts[fleetGroupOf(status.verdict.key)]++;
        return counts;
    }

    get problemIds(): number[] {
        return this.props.statuses
            .filter((status) => !["ok", "checking"].includes(fleetGroupOf(status.verdict.key)))
            .map((status) => status.boxId);
    }

    showProblems(): void {
        this.props.onShowProblems(this.problemIds);
    }
}
