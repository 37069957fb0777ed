/**
 * Stand-in for Odoo's `@web/core/browser/browser` (17.0/18.0): the same object of window
 * functions that tests patch. Only the members this add-on reads are listed.
 */
export const browser = {
    addEventListener: window.addEventListener.bind(window),
    removeEventListener: window.removeEventListener.bind(window),
    setTimeout: window.setTimeout.bind(window),
    clearTimeout: window.clearTimeout.bind(window),
    setInterval: window.setInterval.bind(window),
    clearInterval: window.clearInterval.bind(window),
    fetch: window.fetch.bind(window),
    localStorage: window.localStorage,
    navigator: window.navigator,
    open: window.open.bind(window),
    get location() {
        return window.location;
    },
};
