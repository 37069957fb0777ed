import { Component } from "@odoo/owl";
import { _t } from "../../core/translate";
import type { BoxStatus } from "../../store/box_status";
import { getCatalog } from "../../core/catalog";
import type { Severity } from "../../core/catalog";
import { FLEET_GROUPS, fleetGroupOf } from "../presentation";
import type { FleetGroup } from "../presentation";

export interface FleetSummaryProps {
    statuses: BoxStatus[];
    /**
     * Called with a filter's name and the ids of its boxes, for a domain `[("id", "in", ids)]`:
     * one group's boxes, or every box with a problem.
     */
    onShowBoxes: (description: string, boxIds: number[]) => void;
}

export interface GroupCount {
    group: FleetGroup;
    severity: Severity;
    icon: string;
    /** "3 failing": the count and its words, as the user reads them. */
    text: string;
    /** The states the group holds, and what a click does. */
    tooltip: string;
    /** The filter a click adds. */
    filter: string;
    boxIds: number[];
}

/**
 * How many boxes wear each badge colour, worst first, above the list and the kanban. A count
 * filters the view to its boxes.
 */
export class FleetSummary extends Component<FleetSummaryProps> {
    static template = "iot_https_certificate.FleetSummary";
    static props = { statuses: Array, onShowBoxes: Function };

    get groups(): GroupCount[] {
        const ids: Record<FleetGroup, number[]> = { failing: [], attention: [], unreachable: [], ok: [] };
        for (const status of this.props.statuses) {
            const group = fleetGroupOf(status.verdict.key);
            if (group) ids[group].push(status.boxId);
        }
        const words = groupWords();
        const entries = Object.values(getCatalog().entries);
        return FLEET_GROUPS.map(({ group, severity, icon }) => {
            const [count, heading, filter] = words[group];
            const states = entries.filter((entry) => fleetGroupOf(entry.key) === group).map((entry) => entry.label);
            return {
                group, severity, icon, filter,
                text: count.replace("%s", String(ids[group].length)),
                tooltip: `${heading}: ${states.join(", ")}. ${_t("Click to show only these boxes.")}`,
                boxIds: ids[group],
            };
        });
    }

    get checkingCount(): number {
        return this.props.statuses.filter((status) => status.verdict.key === "checking").length;
    }

    get problemIds(): number[] {
        return this.props.statuses
            .filter((status) => {
                const group = fleetGroupOf(status.verdict.key);
                return group !== undefined && group !== "ok";
            })
            .map((status) => status.boxId);
    }

    showGroup(count: GroupCount): void {
        // An empty group stays clickable for its tooltip, but filters nothing.
        if (!count.boxIds.length) return;
        this.props.onShowBoxes(count.filter, count.boxIds);
    }

    showProblems(): void {
        this.props.onShowBoxes(_t("Boxes with an HTTPS problem"), this.problemIds);
    }
}

/** Each group's count, tooltip heading and filter name; built on use, once translations are loaded. */
function groupWords(): Record<FleetGroup, [string, string, string]> {
    return {
        failing: [_t("%s failing"), _t("Failing"), _t("HTTPS failing")],
        attention: [_t("%s needing attention"), _t("Needing attention"), _t("HTTPS needing attention")],
        unreachable: [_t("%s unreachable from here"), _t("Unreachable from here"), _t("Unreachable from here")],
        ok: [_t("%s OK"), _t("OK"), _t("HTTPS OK")],
    };
}
