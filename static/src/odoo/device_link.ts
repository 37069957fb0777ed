/**
 * The device-check link of a box, from the database (`get_https_device_check_link`, or
 * `rotate_https_device_check_link` for an IoT administrator). Only a link to this database's
 * own device page is ever shown.
 */
import { browser } from "@web/core/browser/browser";
import { loadJS } from "@web/core/assets";
import { useService } from "@web/core/utils/hooks";
import { QR_GLOBAL, QR_SCRIPT } from "../qr/qr";
import type { QrDrawing } from "../qr/qr";
import { DEVICE_CHECK_PATH, DEVICE_LINK_SECRET } from "../core/device";
import type { DeviceLink, DeviceLinkProps } from "../components/device_link/device_link";
import type { OdooRecord } from "./use_box_status";

interface Orm {
    call(model: string, method: string, args: unknown[]): Promise<unknown>;
}


/** The link, on this web client's own origin, or an error for anything else. */
function deviceLinkOf(answer: unknown, origin: string): DeviceLink {
    const { path, can_rotate } = (answer ?? {}) as { path?: unknown; can_rotate?: unknown };
    const [page, secret] = typeof path === "string" ? path.split("#") : [];
    if (page !== DEVICE_CHECK_PATH || !DEVICE_LINK_SECRET.test(secret ?? "")) throw new Error("not a device check link");
    return { url: origin + path, canRotate: can_rotate === true };
}

/** Draws a QR code with the QR script, loaded the first time one is needed. */
async function draw(text: string): Promise<QrDrawing> {
    await loadJS(QR_SCRIPT);
    const qr = (window as unknown as Record<string, { qrDrawing(text: string): QrDrawing } | undefined>)[QR_GLOBAL];
    if (!qr) throw new Error("the QR script did not load");
    return qr.qrDrawing(text);
}

export function useDeviceLink(getRecord: () => OdooRecord, copy: (text: string) => Promise<void>): () => DeviceLinkProps | undefined {
    const orm: Orm = useService("orm");
    const call = (method: string) => async () => deviceLinkOf(await orm.call("iot.box", method, [[getRecord().resId]]), browser.location.origin);
    const props: DeviceLinkProps = { load: call("get_https_device_check_link"), rotate: call("rotate_https_device_check_link"), copy, draw };
    // A new record has no id yet: there is no box to check.
    return () => (getRecord().resId ? props : undefined);
}
