/**
 * When to look at a box again. Pure: the caller passes the random source.
 *
 * - healthy (OK): every few minutes, backing off ×1.5 per quiet check up to 30 minutes;
 * - failing or just changed: 30 s, doubling per check up to 10 minutes;
 * - an 18.0 box that reports an error code: never sooner than 5 minutes, because each call of
 *   its status endpoint makes that box ask odoo.com for a certificate;
 * - confirming a worse verdict seen once (see ./flapping.ts): 15 s.
 * Every delay gets ±20 % jitter so a fleet loaded at once does not stay in lockstep.
 */
import type { CatalogKey } from "./catalog";
import type { Generation } from "./generation";
import { ERROR_CODES } from "./observations";

export interface ScheduleOptions {
    healthyMs: number;
    healthyMaxMs: number;
    healthyFactor: number;
    failingMs: number;
    failingMaxMs: number;
    failingFactor: number;
    confirmMs: number;
    box18ErrorMinMs: number;
    jitter: number;
}

export const DEFAULT_SCHEDULE: ScheduleOptions = {
    healthyMs: 5 * 60_000,
    healthyMaxMs: 30 * 60_000,
    healthyFactor: 1.5,
    failingMs: 30_000,
    failingMaxMs: 10 * 60_000,
    failingFactor: 2,
    confirmMs: 15_000,
    box18ErrorMinMs: 5 * 60_000,
    jitter: 0.2,
};

export type Cadence = "healthy" | "failing" | "confirm";

export interface DelayInput {
    cadence: Cadence;
    /** How many checks in a row had this cadence before this one (0 for the first). */
    step: number;
    /** The box is an 18.0 box that reports an error code. */
    box18Error?: boolean;
}

/** The delay before jitter: exposed so tests can check the sequence exactly. */
export function baseDelay(input: DelayInput, options: ScheduleOptions = DEFAULT_SCHEDULE): number {
    let delay: number;
    if (input.cadence === "healthy") {
        delay = Math.min(options.healthyMs * options.healthyFactor ** input.step, options.healthyMaxMs);
    } else if (input.cadence === "failing") {
        delay = Math.min(options.failingMs * options.failingFactor ** input.step, options.failingMaxMs);
    } else {
        delay = options.confirmMs;
    }
    return input.box18Error ? Math.max(delay, options.box18ErrorMinMs) : delay;
}

export function nextDelay(input: DelayInput, random: () => number, options: ScheduleOptions = DEFAULT_SCHEDULE): number {
    const base = baseDelay(input, options);
    const jittered = base * (1 - options.jitter + 2 * options.jitter * random());
    // Jitter never takes an 18.0 error box below its floor.
    return Math.round(input.box18Error ? Math.max(jittered, options.box18ErrorMinMs) : jittered);
}

export interface CadenceState {
    cadence: Cadence;
    step: number;
}

/**
 * The cadence after a published verdict: healthy for OK, failing otherwise; the step grows
 * while the verdict and the cadence stay the same, and starts over on any change.
 */
export function cadenceAfter(previous: CatalogKey, state: CadenceState, next: CatalogKey): CadenceState {
    const cadence: Cadence = next === "ok" ? "healthy" : "failing";
    const step = next === previous && state.cadence === cadence ? state.step + 1 : 0;
    return { cadence, step };
}

/** An 18.0 box reporting a code: each ask of its status makes it call odoo.com again. */
export function isBox18Error(generation: Generation | undefined, key: CatalogKey): boolean {
    return generation === "18" && (ERROR_CODES as readonly string[]).includes(key);
}

/**
 * How long to wait before asking a box checked `sinceLastCheck` ms ago, when at least
 * `minGapMs` must separate two checks: 0 when it is due.
 */
export function delayUntilDue(sinceLastCheck: number, minGapMs: number): number {
    return Math.max(0, minGapMs - sinceLastCheck);
}

/**
 * How long a box waits when the page is visible again: a 17/18 box in error is asked no more
 * often than its own minimum gap (each read makes it call odoo.com), any other once fresh.
 */
export function delayOnReturn(box18Error: boolean, sinceLastCheck: number, freshMs: number, schedule: ScheduleOptions): number {
    return delayUntilDue(sinceLastCheck, box18Error ? schedule.box18ErrorMinMs : freshMs);
}
