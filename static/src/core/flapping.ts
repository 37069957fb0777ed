/**
 * The flapping rule: a verdict drawn from failed network probes (unreachable, DNS, blocked, …)
 * replaces a shown OK only once a confirmation probe, 15 s later, agrees. One lost packet must
 * not turn a green badge red. What the box itself reports (a code, a date), every recovery and
 * any "check now" are published at once. Pure: the caller keeps `pending` between calls.
 */
import type { CatalogKey } from "./catalog";

/** Verdicts drawn from this browser's path to the box, not from the box's own report. */
export const NETWORK_VERDICTS: ReadonlySet<CatalogKey> = new Set<CatalogKey>([
    "unreachable", "dns_issue", "certificate_rejected", "https_blocked", "local_network_permission", "unreadable_answer",
]);

export interface Sighting {
    /** The verdict on screen. */
    shown: CatalogKey;
    /** A worse verdict seen once and waiting for its confirmation, if any. */
    pending?: CatalogKey;
    /** The verdict the latest probe drew. */
    next: CatalogKey;
    /** A user asked for this check ("check now"): show what it found. */
    urgent: boolean;
}

/** "publish" the next verdict, or "confirm" it with one more probe first. */
export function settle({ shown, pending, next, urgent }: Sighting): "publish" | "confirm" {
    const needsConfirmation = !urgent && shown === "ok" && NETWORK_VERDICTS.has(next) && pending !== next;
    return needsConfirmation ? "confirm" : "publish";
}
