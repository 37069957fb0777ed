import { getCatalog } from "../../core/catalog";
import type { CatalogKey, Severity } from "../../core/catalog";
import { _t } from "../../core/translate";
import type { BoxStatus } from "../../store/box_status";
import { iconOf, storedSentence } from "../presentation";
import type { ReportAge } from "../presentation";

/**
 * What the badge template (`iot_https_certificate.CertificateBadgeView`) reads, as `badge`.
 * The markup is a template, not a component, so a list row renders it without one more
 * component per row; the badge field widget and the form panel both call it.
 */
export interface BadgeView {
    key: CatalogKey;
    /** The state the box last reported to the database, shown when it is out of reach here. */
    stored?: CatalogKey;
    label: string;
    severity: Severity;
    icon: string;
    tooltip: string;
    checking: boolean;
    /** The stored report shown is more than 2 days old. */
    stale: boolean;
}

/** States whose badge names the day the certificate ends rather than the state. */
const DATED = new Set<CatalogKey>(["renewal_overdue", "expired"]);

/**
 * `expiry` is the end counted in the user's calendar days ("Expires in 5 days"), empty when the
 * end is unknown; the badge of an ending or ended certificate says it, and every tooltip does.
 * A box out of reach from here shows what it last reported to the database, in this browser's
 * colour (grey: "unreachable from here"), with `reported` telling how old that report is.
 */
export function badgeView(status: BoxStatus, checkedAgo: string, expiry: string, reported: ReportAge): BadgeView {
    const { entries } = getCatalog();
    const entry = entries[status.verdict.key];
    const stored = status.verdict.stored;
    const shown = stored ? entries[stored.key] : entry;
    const label = DATED.has(shown.key) && expiry ? expiry : shown.label;
    const checked = checkedAgo ? _t("Last checked %s").replace("%s", checkedAgo) : _t("Not checked yet");
    const dated = expiry ? ` ${expiry}.` : "";
    const title = stored ? storedSentence(shown.label, reported) : entry.title;
    return {
        key: entry.key,
        ...(stored ? { stored: stored.key } : {}),
        label,
        severity: entry.severity,
        icon: stored ? (reported.stale ? "fa-history" : "fa-database") : iconOf(entry.key, entry.severity),
        tooltip: `${title}${dated} ${checked}${status.checking ? ` · ${_t("checking now…")}` : ""}`,
        checking: status.checking,
        stale: Boolean(stored) && reported.stale,
    };
}
