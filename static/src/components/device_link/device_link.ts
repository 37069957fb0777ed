import { Component, useState } from "@odoo/owl";
import type { QrDrawing } from "../../qr/qr";

export interface DeviceLink {
    url: string;
    /** IoT administrators may replace the link, which stops every earlier one. */
    canRotate: boolean;
}

export interface DeviceLinkProps {
    load: () => Promise<DeviceLink>;
    rotate: () => Promise<DeviceLink>;
    copy: (text: string) => Promise<void>;
    /** The link as a QR code, drawn in this browser. */
    draw: (text: string) => Promise<QrDrawing>;
}

type Step = "closed" | "loading" | "shown" | "confirming" | "failed";

/**
 * "Check another device": the box's device-check link as a QR code and as text to copy, for
 * the shop's tablet or phone. The page behind it reports back to the box's history.
 */
export class DeviceLinkBlock extends Component<DeviceLinkProps> {
    static template = "iot_https_certificate.DeviceLink";
    static props = { load: Function, rotate: Function, copy: Function, draw: Function };

    declare state: { step: Step; link?: DeviceLink; qr?: QrDrawing; copied: "" | "done" | "failed"; replaced: boolean };

    setup(): void {
        this.state = useState({ step: "closed", link: undefined, qr: undefined, copied: "", replaced: false });
    }

    async open(): Promise<void> {
        await this.show(() => this.props.load(), false);
    }

    async replace(): Promise<void> {
        await this.show(() => this.props.rotate(), true);
    }

    private async show(get: () => Promise<DeviceLink>, replaced: boolean): Promise<void> {
        this.state.step = "loading";
        this.state.copied = "";
        try {
            const link = await get();
            Object.assign(this.state, { link, qr: await this.props.draw(link.url), step: "shown", replaced });
        } catch {
            this.state.step = "failed";
        }
    }

    async copyLink(): Promise<void> {
        if (!this.state.link) return;
        try {
            await this.props.copy(this.state.link.url);
            this.state.copied = "done";
        } catch {
            this.state.copied = "failed";
        }
    }
}
