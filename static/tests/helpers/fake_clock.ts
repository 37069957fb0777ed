/**
 * A controlled clock with the timer half of Odoo's `browser` object. `advance()` runs due
 * timers in order (by due time, then by creation) and lets promises settle between them, so
 * chained async work completes. Timers wait in a binary heap: a fleet of 20 browsers × 1,000
 * boxes keeps 20,000 timers pending, and each firing costs a logarithm, not a sort.
 */
type Timer = { id: number; at: number; handler: () => void };

export class FakeClock {
    time: number;
    private timers = new Map<number, Timer>();
    /** Every timer set, ordered by (at, id); cleared ones are skipped when they surface. */
    private heap: Timer[] = [];
    private nextId = 1;

    constructor(start = Date.UTC(2026, 10, 26, 12)) {
        this.time = start;
    }

    now = () => this.time;

    setTimeout = (handler: () => void, ms: number): number => {
        const timer = { id: this.nextId++, at: this.time + Math.max(0, ms), handler };
        this.timers.set(timer.id, timer);
        this.push(timer);
        return timer.id;
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
            const next = this.peek();
            if (!next || next.at > end) break;
            this.pop();
            this.timers.delete(next.id);
            this.time = Math.max(this.time, next.at);
            next.handler();
        }
        this.time = end;
        await settle();
    }

    /** The earliest timer still set. */
    private peek(): Timer | undefined {
        while (this.heap.length && !this.timers.has(this.heap[0].id)) this.pop();
        return this.heap[0];
    }

    private push(timer: Timer): void {
        const heap = this.heap;
        heap.push(timer);
        let i = heap.length - 1;
        while (i > 0) {
            const parent = (i - 1) >> 1;
            if (!before(heap[i], heap[parent])) break;
            [heap[i], heap[parent]] = [heap[parent], heap[i]];
            i = parent;
        }
    }

    private pop(): void {
        const heap = this.heap;
        const last = heap.pop()!;
        if (!heap.length) return;
        heap[0] = last;
        let i = 0;
        for (;;) {
            const left = 2 * i + 1;
            const right = left + 1;
            let first = i;
            if (left < heap.length && before(heap[left], heap[first])) first = left;
            if (right < heap.length && before(heap[right], heap[first])) first = right;
            if (first === i) return;
            [heap[i], heap[first]] = [heap[first], heap[i]];
            i = first;
        }
    }
}

function before(a: Timer, b: Timer): boolean {
    return a.at < b.at || (a.at === b.at && a.id < b.id);
}

/** Lets every queued promise callback run (several rounds, for chains of awaits). */
export async function settle(rounds = 20): Promise<void> {
    for (let i = 0; i < rounds; i++) await Promise.resolve();
}
