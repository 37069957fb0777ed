/**
 * Stand-in for Odoo's `@web/core/l10n/translation` (17.0/18.0:
 * `export function _t(term, ...values)`). No translations are loaded here, so a term is
 * itself; `%s` placeholders are filled like Odoo's sprintf does.
 */
export function _t(term: string, ...values: unknown[]): string {
    let index = 0;
    return values.length ? term.replace(/%s/g, () => String(values[index++])) : term;
}
