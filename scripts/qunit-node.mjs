// Runs a QUnit suite in this Node process: bundles `entry` with esbuild (TypeScript, the
// `@web/*` stand-in), loads it under QUnit 3's global, and returns one record per test.
import * as esbuild from "esbuild";
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import QUnit from "qunit";

export async function runNodeSuite(entry, outfile) {
    mkdirSync(".tmp", { recursive: true });
    await esbuild.build({
        entryPoints: [entry],
        outfile,
        bundle: true,
        platform: "node",
        format: "esm",
        target: "node20",
        packages: "external",
        alias: { "@web": "./dev/web" },
        logLevel: "silent",
    });
    globalThis.QUnit = QUnit;
    QUnit.config.autostart = false;
    const results = [];
    QUnit.on("testEnd", (test) => {
        results.push({
            name: `${test.fullName.join(" > ")}`,
            status: test.status,
            errors: test.errors.map((e) => `${e.message ?? ""}${e.actual !== undefined ? `\n      actual:   ${JSON.stringify(e.actual)}\n      expected: ${JSON.stringify(e.expected)}` : ""}`),
        });
    });
    const done = new Promise((resolveDone) => QUnit.on("runEnd", resolveDone));
    await import(pathToFileURL(resolve(outfile)).href);
    QUnit.start();
    await done;
    return results;
}
