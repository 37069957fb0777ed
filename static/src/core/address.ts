/**
 * Box address: which URLs exist for an `iot.box` record, or why there are none.
 *
 * The box writes its own `ip` field. With a certificate it is the `.odoo-iot.com` name
 * `<a-b-c-d>.<label>.odoo-iot.com`; without one it is the bare LAN IPv4. Anything else is
 * not something a box sends, so it never becomes a link: a record value is attacker-reachable
 * text (any box on the LAN may call `/iot/setup`).
 */

export type BoxAddress =
    | { kind: "named"; hostname: string; httpsUrl: string; lanIp: string; lanUrl: string }
    | { kind: "plain_ip"; lanIp: string; lanUrl: string }
    | { kind: "empty" }
    | { kind: "malformed"; text: string };

/** The plain HTTP port of every box generation (nginx only fronts 443). */
export const LAN_PORT = 8069;

const MAX_SHOWN = 80;
const OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
const IPV4 = new RegExp(`^${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}$`);
// Lower case only, no port, no trailing dot: exactly what a box writes. The label is the
// per-customer subdomain; DNS caps a label at 63 characters.
const NAME_PATTERN = new RegExp(
    `^${OCTET}-${OCTET}-${OCTET}-${OCTET}\\.([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)\\.odoo-iot\\.com$`
);

export function parseBoxAddress(value: unknown): BoxAddress {
    if (value === false || value === null || value === undefined || value === "") {
        return { kind: "empty" };
    }
    if (typeof value !== "string") {
        return { kind: "malformed", text: shorten(safeString(value)) };
    }
    const ip = IPV4.exec(value);
    if (ip) {
        const lanIp = ip.slice(1, 5).join(".");
        return { kind: "plain_ip", lanIp, lanUrl: lanUrlOf(lanIp) };
    }
    const name = NAME_PATTERN.exec(value);
    if (name) {
        const lanIp = name.slice(1, 5).join(".");
        return { kind: "named", hostname: value, httpsUrl: `https://${value}/`, lanIp, lanUrl: lanUrlOf(lanIp) };
    }
    return { kind: "malformed", text: shorten(value) };
}

function lanUrlOf(lanIp: string): string {
    return `http://${lanIp}:${LAN_PORT}/`;
}

function safeString(value: unknown): string {
    try {
        return String(value);
    } catch {
        return typeof value;
    }
}

/** Keeps shown text short; the caller renders it as text, never as markup. */
export function shorten(text: string, max = MAX_SHOWN): string {
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Whether a page served from `hostname` is itself on the local network (loopback, a private
 * IPv4 range, `localhost`): Chrome's Local Network Access then never asks the user, so a
 * "prompt" permission state means nothing there.
 */
export function isLocalPageHost(hostname: string): boolean {
    if (hostname === "localhost" || hostname.endsWith(".localhost") || hostname === "[::1]") return true;
    const ip = IPV4.exec(hostname);
    if (!ip) return false;
    const [a, b] = [Number(ip[1]), Number(ip[2])];
    return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254);
}
