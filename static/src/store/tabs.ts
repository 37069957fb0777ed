/**
 * Tabs of one browser share their results. Before probing a box, a tab posts a lease on it;
 * the others leave that box alone until the lease ends or its holder posts the verdict. A
 * closing tab releases its leases, so another tab takes over at its next due check; a crashed
 * tab's leases simply expire.
 *
 * BroadcastChannel carries the messages; where it is missing, `storage` events of
 * localStorage do (every tab but the writer receives them).
 */
import type { Verdict } from "../core/diagnosis";
import { isGeneration } from "../core/generation";
import type { Generation } from "../core/generation";

export type TabMessage =
    | { type: "lease"; tab: string; box: number; until: number }
    | { type: "release"; tab: string; boxes: number[] }
    | { type: "verdict"; tab: string; box: number; ip: string; verdict: Verdict; generation?: string };

export interface TabChannel {
    post(message: TabMessage): void;
    close(): void;
}

const CHANNEL = "iot_https_certificate.status";

export interface ChannelHost {
    BroadcastChannel?: typeof BroadcastChannel;
    localStorage?: Storage;
    addEventListener?: (type: "storage", listener: (event: StorageEvent) => void) => void;
    removeEventListener?: (type: "storage", listener: (event: StorageEvent) => void) => void;
}

export function openTabChannel(host: ChannelHost, onMessage: (message: TabMessage) => void): TabChannel {
    if (host.BroadcastChannel) {
        const channel = new host.BroadcastChannel(CHANNEL);
        channel.onmessage = (event) => onMessage(event.data as TabMessage);
        return { post: (message) => channel.postMessage(message), close: () => channel.close() };
    }
    if (host.localStorage && host.addEventListener && host.removeEventListener) {
        const storage = host.localStorage;
        const listener = (event: StorageEvent) => {
            if (event.key !== CHANNEL || !event.newValue) return;
            try {
                onMessage(JSON.parse(event.newValue) as TabMessage);
            } catch {
                // Another writer's garbage is not ours to act on.
            }
        };
        host.addEventListener("storage", listener);
        return {
            post: (message) => {
                try {
                    storage.setItem(CHANNEL, JSON.stringify(message));
                    storage.removeItem(CHANNEL);
                } catch {
                    // Storage full or denied: this tab then works alone.
                }
            },
            close: () => host.removeEventListener!("storage", listener),
        };
    }
    return { post: () => undefined, close: () => undefined };
}

/** What a store does with the other tabs' messages. */
export interface TabPeer {
    /** Another tab probes `box` until `until` (ms since epoch). */
    leased(box: number, until: number): void;
    /** Another tab stopped probing `box` before its verdict (it closed). */
    released(box: number): void;
    /** Another tab's verdict on `box`, as it stood at address `ip`. */
    heard(box: number, ip: string, verdict: Verdict, generation: Generation | undefined): void;
}

/** Hands one message to `peer`, unless this tab sent it. */
export function receiveTabMessage(message: TabMessage, ownTab: string, peer: TabPeer): void {
    if (message.tab === ownTab) return;
    if (message.type === "lease") peer.leased(message.box, message.until);
    else if (message.type === "release") message.boxes.forEach((box) => peer.released(box));
    else peer.heard(message.box, message.ip, message.verdict, isGeneration(message.generation) ? message.generation : undefined);
}
