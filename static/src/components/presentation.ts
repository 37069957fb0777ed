/**
 * How a verdict looks: the catalog's severity turned into Bootstrap classes and a Font Awesome
 * icon, and the fleet summary's groups. Text always comes with the colour, never colour alone.
 */
import { getCatalog } from "../core/catalog";
import type { CatalogKey, Severity } from "../core/catalog";
import { _t } from "../core/translate";

const ICONS: Record<Severity, string> = {
    success: "fa-lock",
    warning: "fa-exclamation-triangle",
    danger: "fa-times-circle",
    secondary: "fa-question-circle",
};

export function iconOf(key: CatalogKey, severity: Severity): string {
    // Still, not spinning: a list opens with every box checking, and 1,000 spinners are motion
    // nobody asked for, restyled and repainted on every frame.
    if (key === "checking") return "fa-hourglass-o";
    if (key === "unreachable") return "fa-plug";
    if (key === "local_network_permission") return "fa-info-circle";
    return ICONS[severity];
}

/**
 * The states in which the box's HTTPS name does not work from this browser: the address must
 * not look like a working link. The words say why, under the address.
 */
export function nameProblemOf(key: CatalogKey): string {
    if (key === "expired") return _t("Browsers refuse this name while its certificate is expired.");
    if (key === "dns_issue") return _t("This name does not resolve from this browser: reach the box by its IP address instead.");
    if (key === "certificate_rejected") return _t("This browser does not accept the certificate this name presents.");
    if (key === "https_blocked") return _t("This browser could not open this name over HTTPS.");
    return "";
}

/**
 * The fleet summary's groups: one per badge colour, worst first, so each count wears the colour
 * and the icon of the badges it counts. "Checking…" badges are not counted yet.
 */
export type FleetGroup = "failing" | "attention" | "unreachable" | "ok";

export const FLEET_GROUPS: readonly { group: FleetGroup; severity: Severity; icon: string }[] = [
    { group: "failing", severity: "danger", icon: ICONS.danger },
    { group: "attention", severity: "warning", icon: ICONS.warning },
    { group: "unreachable", severity: "secondary", icon: iconOf("unreachable", "secondary") },
    { group: "ok", severity: "success", icon: ICONS.success },
];

export function fleetGroupOf(key: CatalogKey): FleetGroup | undefined {
    const { severity } = getCatalog().entries[key];
    return key === "checking" ? undefined : FLEET_GROUPS.find((group) => group.severity === severity)!.group;
}

/** How old the box's last stored report is: "2 hours ago", and whether that is stale (> 2 days). */
export interface ReportAge {
    ago: string;
    stale: boolean;
}

/** "Not reachable from this computer · 2 hours ago, the box reported: HTTPS OK." */
export function storedSentence(label: string, reported: ReportAge): string {
    const sentence = _t("Not reachable from this computer · %s, the box reported: %s.").replace("%s", reported.ago).replace("%s", label);
    return reported.stale ? `${sentence} ${_t("This report is more than 2 days old: it may be stale.")}` : sentence;
}
