/** Time facts of the box's certificate, in one place. */

export const DAY_MS = 86_400_000;

/**
 * A box asks odoo.com for a new certificate once fewer than this many days are left, and its
 * 16–18 homepage reports "valid until" as the real end minus these days.
 */
export const RENEWAL_DAYS = 10;
