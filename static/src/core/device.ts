/**
 * Another device: what kind of device a check ran on (from its user agent), and what its
 * verdict means for that device. Pure; the device page (`static/src/device_check/`) shows it and
 * the server records it (`models/iot_box_device_check.py` takes these keys only).
 */
import type { BoxAddress } from "./address";
import type { Verdict } from "./diagnosis";
import { _t } from "./translate";

/** The device page; its link carries `<box id>.<token>` in the fragment, which never reaches a server log. */
export const DEVICE_CHECK_PATH = "/iot_https_certificate/device_check";
export const DEVICE_LINK_SECRET = /^\d{1,12}\.[A-Za-z0-9_-]{22,86}$/;

export type DeviceBrowser = "chrome" | "edge" | "firefox" | "safari" | "samsung" | "opera" | "other";
export type DeviceSystem = "android_tablet" | "android_phone" | "iphone" | "ipad" | "windows" | "mac" | "chromeos" | "linux" | "other";

export interface DeviceKind {
    browser: DeviceBrowser;
    system: DeviceSystem;
}

/**
 * What this device can do with the box. Only the path from this device counts: DNS, the
 * certificate this device accepts, its local-network permission. What the box says about
 * itself is the same from everywhere and is shown apart.
 */
export type DeviceVerdict = "works" | "dns_issue" | "certificate_rejected" | "https_fails" | "local_network" | "unreachable" | "no_address";

export const DEVICE_VERDICTS: readonly DeviceVerdict[] = ["works", "dns_issue", "certificate_rejected", "https_fails", "local_network", "unreachable", "no_address"];

/**
 * The kind of device from its user agent. `touchPoints` tells an iPad, whose Safari says
 * "Macintosh", from a Mac. Unknown stays "other": a guess would name the wrong settings.
 */
export function deviceKindOf(userAgent: string, touchPoints = 0): DeviceKind {
    const ua = userAgent.slice(0, 512);
    return { browser: browserOf(ua), system: systemOf(ua, touchPoints) };
}

function browserOf(ua: string): DeviceBrowser {
    // Order matters: each of these also says "Chrome" or "Safari".
    if (/SamsungBrowser\//.test(ua)) return "samsung";
    if (/\bEdg(e|A|iOS)?\//.test(ua)) return "edge";
    if (/\bOPR\/|\bOpera\b/.test(ua)) return "opera";
    if (/\b(Firefox|FxiOS)\//.test(ua)) return "firefox";
    if (/\b(Chrome|CriOS|Chromium)\//.test(ua)) return "chrome";
    if (/\bVersion\/[\d.]+.*\bSafari\//.test(ua)) return "safari";
    return "other";
}

function systemOf(ua: string, touchPoints: number): DeviceSystem {
    if (/\biPad\b/.test(ua) || (/\bMacintosh\b/.test(ua) && touchPoints > 1)) return "ipad";
    if (/\biPhone\b|\biPod\b/.test(ua)) return "iphone";
    // Android phones say "Mobile"; Android tablets do not.
    if (/\bAndroid\b/.test(ua)) return /\bMobile\b/.test(ua) ? "android_phone" : "android_tablet";
    if (/\bCrOS\b/.test(ua)) return "chromeos";
    if (/\bWindows\b/.test(ua)) return "windows";
    if (/\bMacintosh\b|\bMac OS X\b/.test(ua)) return "mac";
    if (/\bLinux\b|\bX11\b/.test(ua)) return "linux";
    return "other";
}

/** The device in a sentence's object: "this Android tablet". */
export function thisDevice(system: DeviceSystem): string {
    const names: Record<DeviceSystem, string> = {
        android_tablet: _t("this Android tablet"),
        android_phone: _t("this Android phone"),
        iphone: _t("this iPhone"),
        ipad: _t("this iPad"),
        windows: _t("this Windows computer"),
        mac: _t("this Mac"),
        chromeos: _t("this Chromebook"),
        linux: _t("this Linux computer"),
        other: _t("this device"),
    };
    return names[system];
}

/**
 * What a verdict of the add-on's diagnosis means on this device. HTTPS works when this device
 * reached the box's name, whatever the box then says (its certificate, its Odoo down): that is
 * the box's problem, the same from every device. A box known by its IP only has no HTTPS address for any device.
 */
export function deviceVerdictOf(address: BoxAddress, verdict: Verdict): DeviceVerdict | undefined {
    if (address.kind !== "named") return "no_address";
    if (verdict.key === "checking") return undefined;
    if (verdict.nameAnswered) return "works";
    switch (verdict.key) {
        case "dns_issue":
            return "dns_issue";
        case "certificate_rejected":
        case "expired":
            return "certificate_rejected";
        case "https_blocked":
            return "https_fails";
        case "local_network_permission":
            return "local_network";
        default:
            return "unreachable";
    }
}
