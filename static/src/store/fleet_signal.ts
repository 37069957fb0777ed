/**
 * "Some box's status changed", for views that show the whole fleet. Coalesced per microtask:
 * a round over 1,000 boxes recounts the fleet once, not 2,000 times.
 */
export class FleetSignal {
    private listeners = new Set<() => void>();
    private queued = false;

    subscribe(listener: () => void): () => void {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }

    notify(): void {
        if (this.queued || this.listeners.size === 0) return;
        this.queued = true;
        queueMicrotask(() => {
            this.queued = false;
            for (const listener of this.listeners) listener();
        });
    }
}
