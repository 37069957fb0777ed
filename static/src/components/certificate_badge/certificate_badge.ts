import { Component } from "@odoo/owl";
import { getCatalog } from "../../core/catalog";
import type { CatalogKey, Severity } from "../../core/catalog";
import { _t } from "../../core/translate";
import type { BoxStatus } from "../../store/status_store";
import { iconOf } from "../presentation";

/** What the badge template (`iot_https_certificate.CertificateBadgeView`) reads, as `badge`. */
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

export interface CertificateBadgeProps {
    status: BoxStatus;
    /** "3 minutes ago" for the last check, or empty when never checked. */
    checkedAgo: string;
}

/**
 * The certificate state of one box: icon, text and colour. The markup is a template of its
 * own so a field widget can render it without one more component per list row.
 */
export class CertificateBadge extends Component<CertificateBadgeProps> {
    static template = "iot_https_certificate.CertificateBadge";
    static props = { status: Object, checkedAgo: String };

    get badge(): BadgeView {
        return badgeView(this.props.status, this.props.checkedAgo);
    }
}
