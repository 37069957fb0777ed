// Installs the npm packages when they are missing or older than the lock file, so the two
// README commands work from a fresh clone with nothing but Node and npm.
import { execSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";

const stamp = "node_modules/.package-lock.json";
const stale = !existsSync(stamp) || statSync(stamp).mtimeMs < statSync("package-lock.json").mtimeMs;
if (stale) {
    console.error("Installing npm packages (npm ci)…");
    // Its output goes to stderr: the demo's first line on stdout stays its URL.
    execSync("npm ci --no-audit --no-fund --loglevel=warn", { stdio: ["ignore", 2, 2] });
}
