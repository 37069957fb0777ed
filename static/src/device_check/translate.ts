/**
 * The device page's translate function. The page is no web client: the server puts the
 * add-on's translations for the device's language in the page (`data-config`), and the build
 * (scripts/build.mjs) resolves the core's `./translate` to this module in the page's bundle.
 */
let terms: Record<string, string> = {};

export function setTranslations(translations: unknown): void {
    terms = {};
    if (!translations || typeof translations !== "object") return;
    for (const [term, text] of Object.entries(translations)) {
        if (typeof text === "string" && text) terms[term] = text;
    }
}

export function _t(term: string): string {
    return terms[term] ?? term;
}

/** `%(name)s` placeholders, as Odoo's own `_t` formats them. */
export function format(text: string, values: Record<string, string>): string {
    return text.replace(/%\((\w+)\)s/g, (whole, name: string) => values[name] ?? whole);
}
