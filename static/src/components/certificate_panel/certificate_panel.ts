import { Component, useState } from "@odoo/owl";
import { docUrl, getCatalog, stepsFor } from "../../core/catalog";
import type { CatalogEntry, DocVersion } from "../../core/catalog";
import { _t } from "../../core/translate";
import type { BoxStatus } from "../../store/box_status";
import { badgeView } from "../certificate_badge/certificate_badge";
import type { BadgeView } from "../certificate_badge/certificate_badge";
import { iconOf, nameProblemOf, storedSentence } from "../presentation";
import type { ReportAge } from "../presentation";
import { BoxActions } from "../box_actions/box_actions";
import type { BoxActionsProps } from "../box_actions/box_actions";
import { DeviceLinkBlock } from "../device_link/device_link";
import type { DeviceLinkProps } from "../device_link/device_link";
import { supportDetails } from "./support_details";
import type { BoxIdentity } from "./support_details";

export interface CertificatePanelProps {
    status: BoxStatus;
    identity: BoxIdentity;
    checkedAgo: string;
    /** Already formatted in the user's time zone. */
    validUntilText: string;
    /** The end in the user's calendar days ("Expires in 5 days"); empty when unknown. */
    expiryText: string;
    /** How old the box's stored report is, when the verdict shows one. */
    reported: ReportAge;
    nowText: string;
    /** The documentation version for this box and database. */
    docVersion: DocVersion;
    onCheckNow: () => void;
    copy: (text: string) => Promise<void>;
    /** The actions on the box, for an IoT administrator; absent for anyone else. */
    actions?: Omit<BoxActionsProps, "verdict">;
    /** "Check another device", for anyone who can read a saved box. */
    deviceLink?: DeviceLinkProps;
}

/** The diagnosis of one box at the top of its form: what is wrong, why, and how to fix it. */
export class CertificatePanel extends Component<CertificatePanelProps> {
    static template = "iot_https_certificate.CertificatePanel";
    static components = { BoxActions, DeviceLinkBlock };
    static props = {
        status: Object,
        identity: Object,
        checkedAgo: String,
        validUntilText: String,
        expiryText: String,
        reported: Object,
        nowText: String,
        docVersion: String,
        onCheckNow: Function,
        copy: Function,
        actions: { type: Object, optional: true },
        deviceLink: { type: Object, optional: true },
    };

    declare state: { copied: "" | "done" | "failed" };

    setup(): void {
        this.state = useState({ copied: "" });
    }

    get entry(): CatalogEntry {
        return getCatalog().entries[this.props.status.verdict.key];
    }

    get checklist(): { title: string; items: string[] } | undefined {
        const { checklists } = getCatalog();
        const kind = this.entry.checklist;
        return kind ? { title: checklists.titles[kind], items: checklists[kind] } : undefined;
    }

    get steps(): string[] {
        return stepsFor(this.entry, this.props.status.verdict.generation);
    }

    /**
     * The box's home page: on its HTTPS name when that worked from this browser, else on its
     * LAN address (http://<ip>:8069), which is how an admin reaches a box whose name does not
     * resolve. Only validated addresses become links.
     */
    get homepageUrl(): string | undefined {
        const { address, verdict } = this.props.status;
        if (address.kind === "named") return verdict.nameAnswered ? address.httpsUrl : address.lanUrl;
        return address.kind === "plain_ip" ? address.lanUrl : undefined;
    }

    /**
     * A certificate the box reports as valid that this browser rejects: both facts in one
     * sentence, rather than a bare "Valid until" beside a red badge.
     */
    get rejectedValidity(): string {
        const { verdict } = this.props.status;
        if (verdict.key !== "certificate_rejected" || verdict.validUntil === undefined || verdict.endFromDatabase) return "";
        return _t("The box reports a certificate valid until %s, but this browser does not accept it.").replace("%s", this.props.validUntilText);
    }

    /**
     * What the box itself reports on its IP address when this browser's evidence about the name
     * decided the verdict: "On its IP address, the box itself reports: No valid certificate."
     */
    get boxReport(): string {
        const said = this.props.status.verdict.boxReport;
        if (!said || said.key === "ok") return "";
        const code = said.code && said.key !== "unknown_code" ? ` (${said.code}${said.status ? ` ${said.status}` : ""})` : "";
        const text = said.key === "unknown_code" ? `${getCatalog().entries.unknown_code.label}: ${said.code ?? ""}` : getCatalog().entries[said.key].label + code;
        return _t("On its IP address, the box itself reports: %s.").replace("%s", text);
    }

    /** Why the HTTPS name does not work from this browser, under the address; empty when it does. */
    get nameProblem(): string {
        return nameProblemOf(this.entry.key);
    }

    /**
     * Out of reach from here: what the box last reported to the database, and how long ago
     * ("Not reachable from this computer · 2 hours ago, the box reported: HTTPS OK.").
     */
    get storedReport(): string {
        const stored = this.props.status.verdict.stored;
        if (!stored) return "";
        const code = stored.code ? ` (${stored.code}${stored.status ? ` ${stored.status}` : ""})` : "";
        return storedSentence(getCatalog().entries[stored.key].label + code, this.props.reported);
    }

    /** On a box with a status route, each check makes it retry its certificate: say so. */
    get checkRetries(): string {
        return this.props.status.verdict.generation === "18" ? _t("Each check asks this box to retry its certificate.") : "";
    }

    get problem(): boolean {
        return this.entry.severity !== "success" && this.entry.key !== "checking";
    }

    get badge(): BadgeView {
        return badgeView(this.props.status, this.props.checkedAgo, this.props.expiryText, this.props.reported);
    }

    get icon(): string {
        return iconOf(this.entry.key, this.entry.severity);
    }

    get docUrl(): string {
        return docUrl(this.entry, this.props.docVersion);
    }

    async copySupportDetails(): Promise<void> {
        const text = supportDetails(this.props.status, this.entry, this.props.identity, this.props.nowText, this.props.expiryText);
        try {
            await this.props.copy(text);
            this.state.copied = "done";
        } catch {
            this.state.copied = "failed";
        }
    }
}
