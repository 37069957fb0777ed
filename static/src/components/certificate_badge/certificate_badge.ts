import { getCatalog } from "../../core/catalog";
import type { CatalogKey, Severity } from "../../core/catalog";
import { _t } from "../../core/translate";
import type { BoxStatus } from "../../store/box_status";
import { iconOf } from "../presentation";

/**
 * What the badge template (`iot_https_certificate.CertificateBadgeView`) reads, as `badge`.
 * The markup is a template, not a component, so a list row renders it without one more
 * component per row; the badge field widget and the form panel both call it.
 */
export interface BadgeView {
    key: CatalogKey;
    label: string;
    severity: Severity;
    icon: string;
    tooltip: string;
    checking: boolean;
}

export function badgeView(status: BoxStatus, checkedAgo: string): BadgeView {
    const entry = getCatalog().entries[status.verdict.key];
    const checked = checkedAgo ? _t("Last checked %s").replace("%s", checkedAgo) : _t("Not checked yet");
    return {
        key: entry.key,
        label: entry.label,
        severity: entry.severity,
        icon: iconOf(entry.key, entry.severity),
        tooltip: `${entry.title} ${checked}${status.checking ? ` · ${_t("checking now…")}` : ""}`,
        checking: status.checking,
    };
}
