import { Component } from "@odoo/owl";
import type { BoxAddress } from "../../core/address";

export interface HttpsLinkProps {
    address: BoxAddress;
}

/**
 * The box's `.odoo-iot.com` HTTPS address as a link. Only a validated name becomes a link
 * (see core/address.ts); anything else is muted text. The markup is a template of its own
 * (`iot_https_certificate.HttpsLinkView`, reading `address`) so a field widget renders it
 * without one more component per list row.
 */
export class HttpsLink extends Component<HttpsLinkProps> {
    static template = "iot_https_certificate.HttpsLink";
    static props = { address: Object };

    get address(): BoxAddress {
        return this.props.address;
    }
}
