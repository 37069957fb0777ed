/**
 * The translate function of the core. Outside Odoo a term is itself. The Odoo build
 * (scripts/build.mjs) resolves this module to `@web/core/l10n/translation`, so the bundle holds
 * one top-level `import { _t } from "@web/core/l10n/translation";` and every `_t("…")` call stays
 * literal for Odoo's term extraction, while this folder still imports nothing from `@web/*`.
 */
export function _t(term: string): string {
    return term;
}
