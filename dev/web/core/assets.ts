/**
 * Stand-in for Odoo's `@web/core/assets`: `loadJS(url)` adds a script once and resolves when
 * it has run, as Odoo's does.
 */
const loading = new Map<string, Promise<void>>();

export function loadJS(url: string): Promise<void> {
    let done = loading.get(url);
    if (!done) {
        done = new Promise<void>((resolve, reject) => {
            const script = document.createElement("script");
            script.src = url;
            script.addEventListener("load", () => resolve());
            script.addEventListener("error", () => (loading.delete(url), reject(new Error(`The loading of ${url} failed`))));
            document.head.appendChild(script);
        });
        loading.set(url, done);
    }
    return done;
}
