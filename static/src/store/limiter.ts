/**
 * Caps the requests in flight across the whole fleet. Waiting tasks run first come, first
 * served; "check now" jumps the queue because a user is waiting for it.
 */
export class Limiter {
    private running = 0;
    private queue: Array<() => void> = [];

    constructor(private readonly max: number) {}

    run<T>(task: () => Promise<T>, urgent = false): Promise<T> {
        return new Promise<T>((resolve, reject) => {
            const start = () => {
                this.running++;
                task().then(resolve, reject).finally(() => {
                    this.running--;
                    this.queue.shift()?.();
                });
            };
            if (this.running < this.max) start();
            else if (urgent) this.queue.unshift(start);
            else this.queue.push(start);
        });
    }
}
