/**
 * Stand-in for Odoo's `@web/session` (17.0–19.0: `export const session = odoo.__session_info__`).
 * Only `server_version_info` is read by the add-on; the demo and tests set the series they play.
 */
export const session: { server_version_info?: unknown[] } = { server_version_info: [17, 0, 0, "final", 0, ""] };
