/**
 * A controlled clock with the timer half of Odoo's `browser` object. `advance()` runs due
 * timers in order and lets promises settle between them, so chained async work completes.
 */
export class FakeClock {
    time: number;
    private timers = new Map<number, { at: number; handler: () => void }>();
    private nextId = 1;

    constructor(start = Date.UTC(2026, 10, 26, 12)) {
        this.time = start;
    }

    now = () => this.time;

    setTimeout = (handler: () => void, ms: number): number => {
        const id = this.nextId++;
        this.timers.set(id, { at: this.time + Math.max(0, ms), handler });
        return id;
    };

    clearTimeout = (id: unknown): void => {
        this.timers.delete(id as number);
    };

    get pending(): number {
        return this.timers.size;
    }

    /** Moves time forward by `ms`, firing each timer at its own moment. */
    async advance(ms: number): Promise<void> {
        const end = this.time + ms;
        for (;;) {
            await settle();
            const next = [...this.timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
            if (!next) break;
            this.timers.delete(next[0]);
            this.time = Math.max(this.time, next[1].at);
            next[1].handler();
        }
        this.time = end;
        await settle();
    }
}

/** Lets every queued promise callback run (several rounds, for chains of awaits). */
export async function settle(rounds = 20): Promise<void> {
    for (let i = 0; i < rounds; i++) await Promise.resolve();
}
