/**
 * Box software generations and the one rule that maps a version to a generation. The probes
 * use it to pick the first endpoint to ask; the catalog to pick the documentation version.
 */

/** The box software generations, told apart by which status endpoint answers. */
export type Generation = "19" | "18" | "legacy";

export const GENERATIONS: readonly Generation[] = ["19", "18", "legacy"];

export interface VersionHint {
    major: number;
    minor: number;
}

/**
 * The major and minor numbers of an `iot.box.version` value ("18.0", "saas-18.4", "17.0-2024…").
 * A hint only: the image version does not always follow the Odoo series.
 */
export function readVersionHint(value: unknown): VersionHint | undefined {
    if (typeof value !== "string") return undefined;
    const match = /^(?:saas[-~])?(\d+)(?:\.(\d+))?/.exec(value.trim());
    return match ? { major: Number(match[1]), minor: Number(match[2] ?? 0) } : undefined;
}

/** saas-18.4 moved the box to `iot_drivers`, so it already answers as 19 does. */
export function generationOfVersion(hint: VersionHint): Generation {
    const { major, minor } = hint;
    if (major >= 19 || (major === 18 && minor >= 4)) return "19";
    return major === 18 ? "18" : "legacy";
}

/** Generations in the order to try: the known one, then the version hint, then newest first. */
export function generationOrder(known: Generation | undefined, versionHint: unknown): Generation[] {
    const order: Generation[] = [];
    if (known) order.push(known);
    const hint = readVersionHint(versionHint);
    if (hint) order.push(generationOfVersion(hint));
    order.push(...GENERATIONS);
    return [...new Set(order)];
}

export function isGeneration(value: unknown): value is Generation {
    return (GENERATIONS as readonly unknown[]).includes(value);
}
