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

/** States whose badge names the day the certificate ends rather than the state. */
const DATED = new Set<CatalogKey>(["renewal_overdue", "expired"]);

/**
 * `expiry` is the end counted in the user's calendar days ("Expires in 5 days"), empty when the
 * end is unknown; the badge of an ending or ended certificate says it, and every tooltip does.
 */
export function badgeView(status: BoxStatus, checkedAgo: string, expiry: string): BadgeView {
    const entry = getCatalog().entries[status.verdict.key];
    const checked = checkedAgo ? _t("Last checked %s").replace("%s", checkedAgo) : _t("Not checked yet");
    const dated = expiry ? ` ${expiry}.` : "";
    return {
        key: entry.key,
        label: DATED.has(entry.key) && expiry ? expiry : entry.label,
        severity: entry.severity,
        icon: iconOf(entry.key, entry.severity),
        tooltip: `${entry.title}${dated} ${checked}${status.checking ? ` · ${_t("checking now…")}` : ""}`,
        checking: status.checking,
    };
}
