/**
 * The Odoo widgets: thin wrappers that read the record, subscribe through the store, and hand
 * what to show to the view-agnostic components.
 */
import { Component, xml } from "@odoo/owl";
import { browser } from "@web/core/browser/browser";
import { registry } from "@web/core/registry";
import { parseBoxAddress } from "../core/address";
import { docVersionOf } from "../core/catalog";
import type { DocVersion } from "../core/catalog";
import { _t } from "../core/translate";
import { badgeView } from "../components/certificate_badge/certificate_badge";
import type { BadgeView } from "../components/certificate_badge/certificate_badge";
import { CertificatePanel } from "../components/certificate_panel/certificate_panel";
import { nameProblemOf } from "../components/presentation";
import type { BoxIdentity } from "../components/certificate_panel/support_details";
import { useBoxActions } from "./box_actions";
import { useDeviceLink } from "./device_link";
import { databaseSeries } from "./database";
import { formatInstant } from "./time";
import { useBoxStatus } from "./use_box_status";
import { FACTS_FIELD, factsOf } from "./use_box_status";
import type { BoxWatch, OdooRecord } from "./use_box_status";

/** `standardFieldProps` of Odoo 17.0/18.0, spelled out (the fields this add-on uses). */
const fieldProps = {
    id: { type: String, optional: true },
    name: String,
    readonly: { type: Boolean, optional: true },
    record: Object,
};

interface FieldProps {
    name: string;
    record: OdooRecord;
}

// The field widgets render the components' templates themselves (t-call) rather than wrap
// the components: a list of 1,000 boxes then has 2,000 components fewer. What a template reads
// is computed once per render (t-set), not by a getter at each of its reads.

/**
 * `widget="iot_https_certificate_link"` on the `ip` field. It follows the box's status too: a
 * name that does not resolve or whose certificate this browser rejects must not look like a
 * working link.
 */
export class HttpsLinkField extends Component<FieldProps> {
    static template = xml`<t t-set="address" t-value="addressOf()"/><t t-set="nameProblem" t-value="nameProblemOf()"/>
        <t t-call="iot_https_certificate.HttpsLinkView"/>`;
    static props = fieldProps;
    declare watch: BoxWatch;

    setup(): void {
        this.watch = useBoxStatus(() => this.props.record, { ticking: false });
    }

    addressOf() {
        return parseBoxAddress(this.props.record.data[this.props.name]);
    }

    nameProblemOf(): string {
        return nameProblemOf(this.watch.state.status.verdict.key);
    }
}

/** `widget="iot_https_certificate_badge"` on the `ip` field: the badge as a row shows it. */
export class CertificateBadgeField extends Component<FieldProps> {
    static template = xml`<t t-set="badge" t-value="badgeOf()"/><t t-call="iot_https_certificate.CertificateRowBadgeView"/>`;
    static props = fieldProps;
    declare watch: BoxWatch;

    setup(): void {
        this.watch = useBoxStatus(() => this.props.record);
    }

    badgeOf(): BadgeView {
        return badgeView(this.watch.state.status, this.watch.checkedAgo(), this.watch.expiry(), this.watch.reported());
    }
}

/** `<widget name="iot_https_certificate_panel"/>` at the top of the box form. */
export class CertificatePanelWidget extends Component<{ record: OdooRecord }> {
    static template = xml`<CertificatePanel status="watch.state.status" identity="identity" checkedAgo="watch.checkedAgo()"
        validUntilText="validUntilText" expiryText="watch.expiry()" reported="watch.reported()" nowText="nowText" docVersion="docVersion" onCheckNow.bind="checkNow" copy.bind="copy"
        actions="actions()" deviceLink="deviceLink()"/>`;
    static components = { CertificatePanel };
    static props = ["record", "readonly?", "*"];
    declare watch: BoxWatch;
    declare actions: ReturnType<typeof useBoxActions>;
    declare deviceLink: ReturnType<typeof useDeviceLink>;

    setup(): void {
        this.watch = useBoxStatus(() => this.props.record);
        this.actions = useBoxActions(this.watch, () => this.props.record);
        this.deviceLink = useDeviceLink(() => this.props.record, (text) => this.copy(text));
    }

    get identity(): BoxIdentity {
        const data = this.props.record.data;
        const text = (value: unknown) => (typeof value === "string" ? value : "");
        return { name: text(data.name), identifier: text(data.identifier), version: text(factsOf(this.props.record).version) };
    }

    get validUntilText(): string {
        const until = this.watch.state.status.verdict.validUntil;
        return until === undefined ? "" : formatInstant(until);
    }

    get docVersion(): DocVersion {
        return docVersionOf(this.watch.state.status.verdict.generation, databaseSeries(), factsOf(this.props.record).version);
    }

    get nowText(): string {
        return formatInstant(this.watch.store.now());
    }

    checkNow(): void {
        void this.watch.store.checkNow(this.watch.state.status.boxId);
    }

    async copy(text: string): Promise<void> {
        await browser.navigator.clipboard.writeText(text);
    }
}

const PANEL_FIELDS = [
    { name: "ip", type: "char" },
    { name: "identifier", type: "char" },
    { name: "name", type: "char" },
    FACTS_FIELD,
    { name: "https_certificate_can_act", type: "boolean" },
];

export function registerWidgets(): void {
    const fields = registry.category("fields");
    const widgets = registry.category("view_widgets");
    // Module top levels must never throw in an Odoo bundle: a second load keeps the first.
    if (!fields.contains("iot_https_certificate_link")) {
        fields.add("iot_https_certificate_link", { component: HttpsLinkField, displayName: _t("HTTPS address"), supportedTypes: ["char"], fieldDependencies: [FACTS_FIELD] });
    }
    if (!fields.contains("iot_https_certificate_badge")) {
        fields.add("iot_https_certificate_badge", { component: CertificateBadgeField, displayName: _t("Certificate status"), supportedTypes: ["char"], fieldDependencies: [FACTS_FIELD] });
    }
    if (!widgets.contains("iot_https_certificate_panel")) {
        widgets.add("iot_https_certificate_panel", { component: CertificatePanelWidget, fieldDependencies: PANEL_FIELDS });
    }
}
