/**
 * Stand-in for Odoo's `@web/core/registry`: `registry.category(name)` with `add` (throws on a
 * duplicate key unless `{ force: true }`), `get`, `contains`, `getAll`, `getEntries`.
 */
class Registry<T = any> {
    private content = new Map<string, [number, T]>();
    private subRegistries = new Map<string, Registry>();

    add(key: string, value: T, { force = false, sequence = 50 }: { force?: boolean; sequence?: number } = {}): this {
        if (!force && this.content.has(key)) throw new Error(`Cannot add key "${key}" in the "registry": it already exists`);
        this.content.set(key, [sequence, value]);
        return this;
    }

    get(key: string, defaultValue?: T): T {
        if (this.content.has(key)) return this.content.get(key)![1];
        if (arguments.length > 1) return defaultValue as T;
        throw new Error(`Cannot find key "${key}" in the "registry"`);
    }

    contains(key: string): boolean {
        return this.content.has(key);
    }

    getEntries(): [string, T][] {
        return [...this.content.entries()].sort((a, b) => a[1][0] - b[1][0]).map(([key, [, value]]) => [key, value]);
    }

    getAll(): T[] {
        return this.getEntries().map(([, value]) => value);
    }

    category(name: string): Registry {
        if (!this.subRegistries.has(name)) this.subRegistries.set(name, new Registry());
        return this.subRegistries.get(name)!;
    }
}

export const registry = new Registry();
