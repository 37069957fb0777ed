/** What the web client knows of its database that the domain needs. */
import { session } from "@web/session";
import { readServerVersion } from "../core/generation";
import type { VersionHint } from "../core/generation";

/** The database's Odoo series: the best first guess of its boxes' generation. */
export function databaseSeries(): VersionHint | undefined {
    return readServerVersion(session.server_version_info);
}
