/**
 * The demo's stand-ins for the IoT app's list, kanban and form of `iot.box`: just enough view
 * around the add-on's real widgets to see them as a user would.
 */
import { Component, xml } from "@odoo/owl";
import { CertificateBadgeField, CertificatePanelWidget, HttpsLinkField } from "@iot_https_certificate/iot_https_certificate";

export interface DemoRecord {
    id: number;
    name: string;
    identifier: string;
    ip: string;
    version: string;
    /** `https_certificate_facts`, as the server computes it: what the widgets read. */
    https_certificate_facts?: Record<string, unknown>;
}

export const asOdooRecord = (r: DemoRecord) => ({ resId: r.id, data: { ...r } });

export class DemoList extends Component<{ records: DemoRecord[]; open: (id: number) => void }> {
    static template = xml`
        <table class="table table-hover table-sm o_demo_list">
            <thead><tr><th>Name</th><th>Identifier</th><th>HTTPS address</th><th>Certificate</th></tr></thead>
            <tbody>
                <tr t-foreach="props.records" t-as="record" t-key="record.id" class="o_data_row" t-att-data-id="record.id"
                    tabindex="0" t-on-click="() => props.open(record.id)" t-on-keydown="(ev) => ev.key === 'Enter' and props.open(record.id)">
                    <td class="o_demo_name" t-esc="record.name"/>
                    <td t-esc="record.identifier"/>
                    <td><HttpsLinkField name="'ip'" record="asOdooRecord(record)"/></td>
                    <td><CertificateBadgeField name="'ip'" record="asOdooRecord(record)"/></td>
                </tr>
            </tbody>
        </table>`;
    static components = { HttpsLinkField, CertificateBadgeField };
    static props = ["records", "open"];
    asOdooRecord = asOdooRecord;
}

export class DemoKanban extends Component<{ records: DemoRecord[]; open: (id: number) => void }> {
    static template = xml`
        <div class="o_demo_kanban d-flex flex-wrap gap-2">
            <div t-foreach="props.records" t-as="record" t-key="record.id" class="card p-2 o_kanban_record" t-att-data-id="record.id"
                 style="width: 20rem" tabindex="0" t-on-click="() => props.open(record.id)">
                <strong class="o_demo_name" t-esc="record.name"/>
                <div class="small text-muted" t-esc="record.identifier"/>
                <div class="d-flex flex-wrap gap-1 align-items-center mt-1">
                    <HttpsLinkField name="'ip'" record="asOdooRecord(record)"/>
                    <CertificateBadgeField name="'ip'" record="asOdooRecord(record)"/>
                </div>
            </div>
        </div>`;
    static components = { HttpsLinkField, CertificateBadgeField };
    static props = ["records", "open"];
    asOdooRecord = asOdooRecord;
}

export class DemoForm extends Component<{ record: DemoRecord; back: () => void }> {
    static template = xml`
        <div class="o_demo_form">
            <button type="button" class="btn btn-link px-0 mb-2 o_demo_back" t-on-click="props.back"><i class="fa fa-arrow-left me-1"/>IoT Boxes</button>
            <div class="card p-3 o_form_sheet">
                <CertificatePanelWidget record="asOdooRecord(props.record)"/>
                <h2 class="o_demo_name" t-esc="props.record.name"/>
                <table class="table table-borderless w-auto mb-0">
                    <tr><th>Identifier</th><td t-esc="props.record.identifier"/></tr>
                    <tr><th>Domain Address</th><td t-esc="props.record.ip"/></tr>
                    <tr><th>HTTPS address</th><td><HttpsLinkField name="'ip'" record="asOdooRecord(props.record)"/></td></tr>
                    <tr><th>Image version</th><td t-esc="props.record.version"/></tr>
                </table>
            </div>
        </div>`;
    static components = { CertificatePanelWidget, HttpsLinkField };
    static props = ["record", "back"];
    asOdooRecord = asOdooRecord;
}
