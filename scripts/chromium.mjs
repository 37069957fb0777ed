// Debian's Chromium driven by playwright-core, with a throwaway profile and HOME so nothing
// leaks between runs. Installs the Debian package when it is missing.
import { execSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";

export function ensureChromium() {
    if (existsSync(CHROMIUM) && existsSync("/usr/bin/certutil")) return;
    console.error("Installing Debian's chromium (apt-get)…");
    const sudo = process.getuid?.() === 0 ? "" : "sudo ";
    execSync(`${sudo}apt-get update -qq && DEBIAN_FRONTEND=noninteractive ${sudo}apt-get install -y -qq --no-install-recommends chromium libnss3-tools`, {
        stdio: ["ignore", "inherit", "inherit"],
    });
}

const QUIET = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/**
 * `extraArgs`: more Chromium flags. `trustCa`: a CA certificate (PEM) to trust, put in an NSS
 * database under the throwaway HOME (never `ignoreHTTPSErrors`, which would accept any leaf).
 */
export async function launch(extraArgs = [], { trustCa } = {}) {
    ensureChromium();
    const home = mkdtempSync(join(tmpdir(), "iot-https-chromium-"));
    if (trustCa) {
        const nssdb = join(home, ".pki/nssdb");
        mkdirSync(nssdb, { recursive: true });
        writeFileSync(join(home, "ca.pem"), trustCa);
        execSync(`certutil -d sql:${nssdb} -N --empty-password`);
        execSync(`certutil -d sql:${nssdb} -A -t "C,," -n iot-test-ca -i ${join(home, "ca.pem")}`);
    }
    const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, ".config"), XDG_CACHE_HOME: join(home, ".cache"), XDG_DATA_HOME: join(home, ".local/share"), TMPDIR: home };
    const context = await chromium.launchPersistentContext(join(home, "profile"), {
        executablePath: CHROMIUM,
        headless: true,
        args: [...QUIET, ...extraArgs],
        env,
        viewport: { width: 1280, height: 900 },
    });
    return {
        context,
        home,
        async close() {
            await context.close();
            rmSync(home, { recursive: true, force: true });
        },
    };
}
