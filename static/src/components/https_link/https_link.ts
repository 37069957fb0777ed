import { Component } from "@odoo/owl";
import type { BoxAddress } from "../../core/address";

export interface HttpsLinkProps {
    address: BoxAddress;
}

/**
 * The box's `.odoo-iot.com` HTTPS address as a link. Only a validated name becomes a link
 * (see core/address.ts); anything else is muted text.
 */
export class HttpsLink extends Component<HttpsLinkProps> {
    static template = "iot_https_certificate.HttpsLink";
    static props = { address: Object };
}
