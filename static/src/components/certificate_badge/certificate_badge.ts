import { Component } from "@odoo/owl";
import { getCatalog } from "../../core/catalog";
import type { CatalogEntry } from "../../core/catalog";
import { _t } from "../../core/translate";
import type { BoxStatus } from "../../store/status_store";
import { iconOf } from "../presentation";

export interface CertificateBadgeProps {
    status: BoxStatus;
    /** "3 minutes ago" for the last check, or empty when never checked. */
    checkedAgo: string;
}

/** The certificate state of one box in a list row or a kanban card: icon, text and colour. */
export class CertificateBadge extends Component<CertificateBadgeProps> {
    static template = "iot_https_certificate.CertificateBadge";
    static props = { status: Object, checkedAgo: String };

    get entry(): CatalogEntry {
        return getCatalog().entries[this.props.status.verdict.key];
    }

    get icon(): string {
        return iconOf(this.entry.key, this.entry.severity);
    }

    get tooltip(): string {
        const checked = this.props.checkedAgo
            ? _t("Last checked %s").replace("%s", this.props.checkedAgo)
            : _t("Not checked yet");
        return `${this.entry.title} ${checked}${this.props.status.checking ? ` · ${_t("checking now…")}` : ""}`;
    }
}
