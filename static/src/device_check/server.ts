/**
 * The device page's two calls to the database. The link's secret travels in a POST body only:
 * never in a URL, so never in a server log, a proxy or a login redirect.
 */
import { DEVICE_CHECK_PATH, DEVICE_LINK_SECRET } from "../core/device";
import type { DeviceKind, DeviceVerdict } from "../core/device";

const BOX_URL = `${DEVICE_CHECK_PATH}/box`;
const RESULT_URL = `${DEVICE_CHECK_PATH}/result`;

/** What the link's fragment holds; anything else is refused unsent. */
export function secretOf(hash: string): string | undefined {
    const secret = hash.replace(/^#/, "");
    return DEVICE_LINK_SECRET.test(secret) ? secret : undefined;
}

export type BoxAnswer = { kind: "box"; name: string; ip: unknown } | { kind: "invalid" } | { kind: "unavailable" };

async function post(url: string, body: object): Promise<{ status: number; json: any }> {
    const response = await fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
        credentials: "same-origin",
        cache: "no-store",
    });
    return { status: response.status, json: await response.json().catch(() => undefined) };
}

export async function fetchBox(secret: string): Promise<BoxAnswer> {
    try {
        const { status, json } = await post(BOX_URL, { token: secret });
        if (status === 404) return { kind: "invalid" };
        if (status !== 200 || typeof json?.name !== "string") return { kind: "unavailable" };
        return { kind: "box", name: json.name, ip: json.ip };
    } catch {
        return { kind: "unavailable" };
    }
}

export type Recorded = "recorded" | "recent" | "failed";

export async function sendResult(secret: string, verdict: DeviceVerdict, device: DeviceKind): Promise<Recorded> {
    try {
        const { status, json } = await post(RESULT_URL, { token: secret, verdict, ...device });
        if (status !== 200) return "failed";
        return json?.recorded === true ? "recorded" : json?.recorded === "recent" ? "recent" : "failed";
    } catch {
        return "failed";
    }
}
