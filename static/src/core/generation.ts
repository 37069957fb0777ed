/**
 * Box software generations and the one rule that maps an Odoo series to a generation. The
 * probes use it to pick the first endpoint to ask; the catalog to pick the documentation
 * version.
 *
 * A box normally runs its database's series, which the web client knows: that is the first
 * guess. `iot.box.version` is the box *image's* version (23.11, 24.01, L24.10, W23_11), not an
 * Odoo series: it is read only when it looks like one ("17.0", "saas-18.4"), as a weak hint.
 */

/** The box software generations, told apart by which status endpoint answers. */
export type Generation = "19" | "18" | "legacy";

export const GENERATIONS: readonly Generation[] = ["19", "18", "legacy"];

export interface VersionHint {
    major: number;
    minor: number;
}

/**
 * The Odoo series a version value names ("18.0", "saas-18.4", "17.0-2024…"), or undefined. An
 * image version (year.month: "23.11", "L24.10", "W23_11") never has a ".0" minor, so it is
 * never mistaken for one.
 */
export function readVersionHint(value: unknown): VersionHint | undefined {
    if (typeof value !== "string") return undefined;
    const match = /^(?:saas[-~](\d+)\.(\d+)|(\d+)\.0(?!\d))/.exec(value.trim());
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

/** saas-18.4 moved the box to `iot_drivers`, so it already answers as 19 does. */
export function generationOfVersion(hint: VersionHint): Generation {
    const { major, minor } = hint;
    if (major >= 19 || (major === 18 && minor >= 4)) return "19";
    return major === 18 ? "18" : "legacy";
}

/** The generation to expect first: the one found, else the database's series, else the hint. */
export function likelyGeneration(known: Generation | undefined, database: VersionHint | undefined, versionHint: unknown): Generation | undefined {
    const series = database ?? readVersionHint(versionHint);
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
