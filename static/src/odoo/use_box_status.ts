/**
 * The hook every widget uses: subscribes the record's box to the status store while the
 * component is mounted, follows record changes, and keeps "… ago" texts current.
 */
import { onWillDestroy, onWillRender, toRaw, useComponent } from "@odoo/owl";
import { browser } from "@web/core/browser/browser";
import { useService } from "@web/core/utils/hooks";
import type { ReportAge } from "../components/presentation";
import { STALE_MS } from "../core/stored_report";
import { sameBoxFacts } from "../store/box_status";
import type { BoxRecord, BoxStatus } from "../store/box_status";
import type { StatusStore } from "../store/status_store";
import { STATUS_SERVICE } from "./status_service";
import { expiryText, relativeTo } from "./time";

/** The part of an Odoo record widgets read (same on 17.0 and 18.0). */
export interface OdooRecord {
    resId: number | false;
    data: Record<string, unknown>;
}

const TICK_MS = 30_000;

/**
 * One ticking clock for every widget on the page (a list of 1,000 rows runs one interval, not
 * 1,000), running only while a widget is mounted. It reads the store's clock, so "… ago" and
 * "Expires in …" count from the same instant the verdicts are dated by. A tick renders the
 * widgets that show a time; nothing reactive is read per row.
 */
const clock = { now: 0 };
const ticking = new Set<Renderable>();
let clockTimer: number | undefined;

interface Renderable {
    render(): void;
}

function useClock(store: StatusStore, component: Renderable): { now: number } {
    if (ticking.size === 0) {
        clock.now = store.now();
        clockTimer = browser.setInterval(() => {
            clock.now = store.now();
            for (const widget of ticking) widget.render();
        }, TICK_MS);
    }
    ticking.add(component);
    onWillDestroy(() => {
        ticking.delete(component);
        if (ticking.size === 0) browser.clearInterval(clockTimer);
    });
    return clock;
}

/**
 * `iot.box.https_certificate_facts`: what the widgets read of a box, in one JSON value (dates as
 * UTC server strings), so a list parses one object per row and needs no hidden columns.
 */
export const FACTS_FIELD = { name: "https_certificate_facts", type: "json" };

/** The record's facts; an empty object when the value is missing or not an object. */
export function factsOf(record: OdooRecord): Record<string, unknown> {
    const facts = record.data[FACTS_FIELD.name];
    return facts && typeof facts === "object" && !Array.isArray(facts) ? (facts as Record<string, unknown>) : {};
}

export function boxRecordOf(record: OdooRecord): BoxRecord {
    const facts = factsOf(record);
    return {
        id: typeof record.resId === "number" ? record.resId : 0,
        ip: record.data.ip,
        version: facts.version,
        boxEndDate: facts.box_end_date,
        stored: { state: facts.state, endDate: facts.end_date, error: facts.error, reportedAt: facts.reported_at },
    };
}

/** What a widget gets from `useBoxStatus`: the box's live status, and the store to act on it. */
export interface BoxWatch {
    state: { status: BoxStatus };
    store: StatusStore;
    /** "3 minutes ago" for the last check, kept current; empty when never checked. */
    checkedAgo(): string;
    /** "Expires in 5 days" for the certificate's known end, kept current; empty when unknown. */
    expiry(): string;
    /** How old the box's stored report is, when the verdict shows one. */
    reported(): ReportAge;
}

/**
 * `ticking: false` for a widget that shows no time (the link): it skips the shared clock's
 * subscription, one reactive observer less per row of a long list.
 */
export function useBoxStatus(getRecord: () => OdooRecord, { ticking = true } = {}): BoxWatch {
    const store: StatusStore = useService(STATUS_SERVICE);
    const component = useComponent();
    // A plain holder: a new status renders this widget alone, through `render()`, with no
    // reactive proxy or observer per row.
    const state = { status: undefined as unknown as BoxStatus };
    const clock = ticking ? useClock(store, component) : { now: store.now() };
    let following = false;
    let watched: BoxRecord | undefined;
    let watchedData: unknown;
    let stop = () => {};
    // Only the identity of the record's `data` is observed (OWL observes the reactive props a
    // component reads): the web client replaces that object whole when fresh data arrives (Odoo
    // 18+ shows a cached copy first), and the widget then renders again and follows. Its fields
    // are read raw: no observer per field and row.
    const follow = (record: OdooRecord) => {
        const data = toRaw(record.data);
        if (data === watchedData && watched?.id === record.resId) return;
        watchedData = data;
        const boxRecord = boxRecordOf({ resId: record.resId, data });
        if (watched && sameBoxFacts(watched, boxRecord)) return;
        stop();
        watched = boxRecord;
        // The status the subscription hands over at once is read by the render under way.
        following = true;
        try {
            stop = store.subscribe(boxRecord, (status) => {
                state.status = status;
                if (!following) component.render();
            });
        } finally {
            following = false;
        }
    };
    onWillRender(() => follow(getRecord()));
    onWillDestroy(() => stop());
    return {
        state,
        store,
        checkedAgo: () => (state.status.lastCheckedAt ? relativeTo(state.status.lastCheckedAt, clock.now) : ""),
        expiry: () => expiryText(state.status.verdict.validUntil, clock.now),
        reported: () => {
            const at = state.status.verdict.stored?.reportedAt;
            return at === undefined ? { ago: "", stale: false } : { ago: relativeTo(at, clock.now), stale: clock.now - at > STALE_MS };
        },
    };
}

