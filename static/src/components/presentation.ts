/**
 * How a verdict looks: the catalog's severity turned into Bootstrap classes and a Font Awesome
 * icon. Text always comes with the colour, never colour alone.
 */
import type { CatalogKey, Severity } from "../core/catalog";

const ICONS: Record<Severity, string> = {
    success: "fa-lock",
    warning: "fa-exclamation-triangle",
    danger: "fa-times-circle",
    info: "fa-info-circle",
    secondary: "fa-question-circle",
};

export function iconOf(key: CatalogKey, severity: Severity): string {
    if (key === "checking") return "fa-circle-o-notch fa-spin";
    if (key === "unreachable") return "fa-plug";
    return ICONS[severity];
}

/** Fleet groups the summary counts. */
export type FleetGroup = "ok" | "expiring" | "failing" | "unreachable" | "checking";

export function fleetGroupOf(key: CatalogKey): FleetGroup {
    if (key === "ok") return "ok";
    if (key === "renewal_overdue") return "expiring";
    if (key === "checking") return "checking";
    if (key === "unreachable" || key === "local_network_permission") return "unreachable";
    return "failing";
}

/** The icon of each counted fleet group: the icon its badges carry. */
export const FLEET_ICONS: Record<Exclude<FleetGroup, "checking">, string> = {
    ok: iconOf("ok", "success"),
    expiring: iconOf("renewal_overdue", "warning"),
    failing: ICONS.danger,
    unreachable: iconOf("unreachable", "secondary"),
};
