import { readdirSync } from "node:fs";
import { join } from "node:path";

/** Files below `dir` whose names end with `suffix`, sorted, so builds are reproducible. */
export function filesUnder(dir, suffix) {
    return readdirSync(dir, { recursive: true })
        .map((name) => join(dir, String(name)))
        .filter((file) => file.endsWith(suffix))
        .sort();
}
