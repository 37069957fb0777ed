/**
 * Box software generations and the one rule that maps an Odoo series to a generation. The
 * probes use it to pick the first endpoint to ask; the catalog to pick the documentation
 * version.
 *
 * The box writes its record's `version` itself, as `<L|W|T><image>-<series>[#commit]`
 * ("L24.10-17.0#1a2b3c4", "Ttest-19.0", "W23.11-17.0-20240101"): the series after the first
 * `-` is the one the box runs, and it comes first. Older records hold the image version alone
 * (23.11, L24.10, W23_11), which is not a series; then the database's series is the guess, as a
 * box normally runs its database's series.
 */

/**
 * The box software generations, told apart by which status endpoint answers: "19"
 * `/iot_drivers/data` (saas-18.4+), "18" `/hw_posbox_homepage/data` (current 17.0 up to
 * saas-18.3), "legacy" only `/hw_proxy/hello` (16.0 and early 17.0).
 */
export type Generation = "19" | "18" | "legacy";

export const GENERATIONS: readonly Generation[] = ["19", "18", "legacy"];

export interface VersionHint {
    major: number;
    minor: number;
}

const SERIES = /^(?:saas[-~](\d+)\.(\d+)|(\d+)\.0(?!\d))/;

/**
 * The Odoo series a version value names, or undefined: the series part of the box's own
 * `<letter><image>-<series>[#commit]` ("L24.10-17.0#1a2b" → 17.0, "Ttest-saas~18.3" → 18.3), or
 * a bare series ("18.0", "saas-18.4"). An image version (year.month: "23.11", "L24.10",
 * "W23_11") never has a ".0" minor, so it is never mistaken for one.
 */
export function readVersionHint(value: unknown): VersionHint | undefined {
    if (typeof value !== "string") return undefined;
    const text = value.trim();
    const dash = text.indexOf("-");
    const match = SERIES.exec(text) ?? (dash > 0 ? SERIES.exec(text.slice(dash + 1)) : null);
    if (!match) return undefined;
    return match[1] ? { major: Number(match[1]), minor: Number(match[2]) } : { major: Number(match[3]), minor: 0 };
}

/**
 * The database's series from the web client's `server_version_info`: `[17, 0, …]`, or
 * `["saas~18", 4, …]` on SaaS releases.
 */
export function readServerVersion(info: unknown): VersionHint | undefined {
    if (!Array.isArray(info)) return undefined;
    const major = Number(String(info[0]).replace(/^saas~/, ""));
    const minor = Number(info[1]);
    return Number.isInteger(major) && Number.isInteger(minor) ? { major, minor } : undefined;
}

/**
 * saas-18.4 moved the box to `iot_drivers`, so it already answers as 19 does. A current 17.0
 * box serves `/hw_posbox_homepage/data` as 18.0 does; only early 17.0 and 16.0 images are
 * hello-only, and the probes fall back to the hello for them.
 */
export function generationOfVersion(hint: VersionHint): Generation {
    const { major, minor } = hint;
    if (major >= 19 || (major === 18 && minor >= 4)) return "19";
    return major >= 17 ? "18" : "legacy";
}

/** The series to go by: the box's own (from its version), else the database's. */
export function seriesOf(database: VersionHint | undefined, versionHint: unknown): VersionHint | undefined {
    return readVersionHint(versionHint) ?? database;
}

/** The generation to expect first: the one found, else the box's series, else the database's. */
export function likelyGeneration(known: Generation | undefined, database: VersionHint | undefined, versionHint: unknown): Generation | undefined {
    const series = seriesOf(database, versionHint);
    return known ?? (series && generationOfVersion(series));
}

/** Generations in the order to try: the likely one first, then newest first. */
export function generationOrder(known: Generation | undefined, database: VersionHint | undefined, versionHint: unknown): Generation[] {
    const first = likelyGeneration(known, database, versionHint);
    return [...new Set([...(first ? [first] : []), ...GENERATIONS])];
}

export function isGeneration(value: unknown): value is Generation {
    return (GENERATIONS as readonly unknown[]).includes(value);
}
