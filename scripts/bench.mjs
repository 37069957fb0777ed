// `npm run bench`: builds the benchmark entries and runs them; each prints
// `bench <name>: <value> <unit> (<comparison>)` lines.
import * as esbuild from "esbuild";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";

mkdirSync(".tmp", { recursive: true });
const node = [
    ["tests/bench/store.bench.ts", ".tmp/store.bench.mjs"],
];
for (const [entry, outfile] of node) {
    await esbuild.build({ entryPoints: [entry], outfile, bundle: true, platform: "node", format: "esm", target: "node20", packages: "external", logLevel: "silent" });
    const run = spawnSync(process.execPath, ["--expose-gc", outfile], { stdio: "inherit" });
    if (run.status !== 0) process.exit(run.status ?? 1);
}
if (existsSync("tests/bench/views.bench.mjs")) {
    const run = spawnSync(process.execPath, ["tests/bench/views.bench.mjs"], { stdio: "inherit" });
    if (run.status !== 0) process.exit(run.status ?? 1);
}
