/**
 * What the device page says for each verdict: a title, why, and the steps on this device.
 * The DNS steps are the documentation's, as the add-on's panel words them; the page names
 * the device and links to Google Public DNS's own instructions, since the documentation leaves
 * each device's settings to its maker.
 */
import { getCatalog } from "../core/catalog";
import { thisDevice } from "../core/device";
import type { DeviceSystem, DeviceVerdict } from "../core/device";
import { _t, format } from "./translate";

/** Google Public DNS's own instructions for setting DNS on a device. */
export const GOOGLE_DNS_HOWTO = "https://developers.google.com/speed/public-dns/docs/using";

export interface VerdictText {
    title: string;
    cause: string;
    steps: string[];
    /** A step that links to Google Public DNS's instructions. */
    dnsHowTo?: string;
}

export function verdictText(verdict: DeviceVerdict, system: DeviceSystem): VerdictText {
    const { checklists } = getCatalog();
    const device = thisDevice(system);
    const clock = _t("Check that the date, time and time zone of this device are right.");
    const dnsHowTo = format(_t("To change the DNS settings of %(device)s, follow Google Public DNS's instructions."), { device });
    switch (verdict) {
        case "works":
            return { title: _t("This device can use the box over HTTPS."), cause: _t("It finds the box's name and trusts its certificate."), steps: [] };
        case "dns_issue":
            return {
                title: _t("This device cannot find the box's name (DNS issue)."),
                cause: format(_t("The DNS servers %(device)s uses do not know the box's .odoo-iot.com name."), { device }),
                steps: checklists.dns,
                dnsHowTo,
            };
        case "certificate_rejected":
            return {
                title: _t("This device rejects the box's certificate."),
                cause: _t("The device's clock may be wrong, or the box may have no valid certificate."),
                steps: [clock, _t("If the clock is right, ask your IoT administrator to look at the box in the IoT app.")],
            };
        case "https_fails":
            return {
                title: _t("This device reaches the box, but not at its HTTPS address."),
                cause: _t("Either this device cannot find the box's name (DNS), or it rejects the box's certificate."),
                steps: [...checklists.dns, clock],
                dnsHowTo,
            };
        case "local_network":
            return {
                title: _t("This browser may not reach devices on the local network yet."),
                cause: _t("The browser asks before a page reaches a device of the local network, such as the box."),
                steps: [...checklists.local_network.slice(0, 2), _t("Then press Check again.")],
            };
        case "unreachable":
            return {
                title: _t("This device cannot reach the box."),
                cause: _t("Nothing answered at the box's addresses from here."),
                steps: [_t("Connect this device to the same network as the box (the shop's Wi-Fi, not mobile data)."), _t("Check that the box is on and connected."), _t("Then press Check again.")],
            };
        case "no_address":
            return {
                title: _t("This box has no HTTPS address yet."),
                cause: _t("It has no certificate from odoo.com, so no device can use it over HTTPS. The box's form in the IoT app says why."),
                steps: [],
            };
    }
}
