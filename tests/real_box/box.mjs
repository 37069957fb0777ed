// The real box software of an Odoo tree, run as a box runs it, on one loopback "LAN" IP.
//
// 19.0 (`addons/iot_drivers`) runs in its official Test mode (not a Raspberry Pi, not Windows):
// `odoo-bin --config <dir>/odoo.conf`, the image's own odoo.conf with only its paths and
// addresses changed, no database. Everything else runs as Odoo wrote it. What the harness
// replaces, and why:
// - the certificate file: `/etc/ssl/certs/nginx-cert.crt` is hard-coded, so the box gets a
//   private mount namespace where a copy of the machine's `/etc/ssl/certs` (plus that file) is
//   bound over it. The machine's folder is never written.
// - name resolution: every `*.odoo.com` name box code uses resolves to 127.0.0.1 inside that
//   namespace (a hosts file bound over `/etc/hosts`); the box refuses to start otherwise.
// - `sudo`: a fake one, first on PATH and bound over any real one, that does nothing for the
//   remount and exits 1 for anything else. The box runs as `nobody` besides.
// - two library bridges (`bridge/sitecustomize.py`): Debian 12's websocket-client and
//   cryptography are older than the image's.
// - renewals: Test mode never downloads a certificate; each "renewal" is the harness writing
//   another certificate file (`setCertificate`).
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const NOBODY = 65534;
/** The odoo.com names the box code calls; each must resolve to loopback inside the box. */
export const ODOO_COM_NAMES = ["www.odoo.com", "iot-proxy.odoo.com", "nightly.odoo.com"];

const FAKE_SUDO = `#!/bin/sh
# The real-box harness's sudo: the box may remount / (writable()), which would turn this
# machine's root file system read-only. Nothing else is allowed.
case "$*" in
  "mount -o remount,rw /"|"mount -o remount,ro /") exit 0 ;;
esac
echo "fake sudo: refused: $*" >&2
exit 1
`;

/**
 * Prepares a 19.0 box of `tree` on `ip` (its HTTP port 8069 there, as on a box). Returns the
 * box: `start()`, `stop()`, `setCertificate(pem)`, `log()`, `dispose()`.
 */
export function makeBox19({ tree, ip, geventPort, secrets }) {
    const dir = mkdtempSync(join(tmpdir(), "iot-real-box-"));
    chmodSync(dir, 0o755);
    for (const sub of ["odoo", "data", "certs", "bin", "nosock"]) mkdirSync(join(dir, sub));
    // The box finds its settings next to odoo-bin's folder (`Path(sys.path[0]).parent`).
    copyFileSync(join(tree, "odoo-bin"), join(dir, "odoo", "odoo-bin"));
    cpSync("/etc/ssl/certs", join(dir, "certs"), { recursive: true, dereference: false });
    writeFileSync(join(dir, "bin", "sudo"), FAKE_SUDO, { mode: 0o755 });
    const hosts = readFileSync("/etc/hosts", "utf8") + `\n127.0.0.1 ${ODOO_COM_NAMES.join(" ")}\n`;
    writeFileSync(join(dir, "hosts"), hosts, { mode: 0o644 });
    writeFileSync(join(dir, "odoo.conf"), boxConfig(tree, dir, ip, geventPort, secrets), { mode: 0o644 });
    spawnSync("chown", ["-R", `${NOBODY}:${NOBODY}`, join(dir, "data"), join(dir, "odoo.conf")]);

    let child;
    let log = "";
    const certificatePath = join(dir, "certs", "nginx-cert.crt");
    return {
        dir,
        ip,
        certificatePath,
        /** Writes the file the box reads (and the front serves): a "renewal" staged by the harness. */
        setCertificate(pem) {
            writeFileSync(certificatePath, pem, { mode: 0o644 });
        },
        start() {
            const bridge = resolve(HERE, "bridge");
            const sudoOver = existsSync("/usr/bin/sudo") ? [`mount --bind ${dir}/bin/sudo /usr/bin/sudo`] : [];
            const script = [
                "set -e",
                `mount --bind ${dir}/certs /etc/ssl/certs`,
                `mount --bind ${dir}/hosts /etc/hosts`,
                ...sudoOver,
                `for name in ${ODOO_COM_NAMES.join(" ")}; do getent hosts "$name" | grep -q '^127\\.' || { echo "refused: $name does not resolve to loopback in the box" >&2; exit 97; }; done`,
                `exec setpriv --reuid=${NOBODY} --regid=${NOBODY} --clear-groups env -i PATH=${dir}/bin:/usr/bin:/bin HOME=${dir} ` +
                    `PYTHONPATH=${bridge}:${tree} /usr/bin/python3 ${dir}/odoo/odoo-bin --config ${dir}/odoo.conf`,
            ].join("\n");
            child = spawn("unshare", ["-m", "--propagation", "private", "sh", "-c", script], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
            const keep = (chunk) => (log += chunk);
            child.stdout.on("data", keep);
            child.stderr.on("data", keep);
            child.exited = new Promise((done) => child.on("close", done));
            return waitForHttp(`http://${ip}:8069/iot_drivers/ping`, () => child.exitCode !== null, () => log);
        },
        async stop() {
            if (!child || child.exitCode !== null) return;
            child.kill("SIGTERM");
            const killer = setTimeout(() => child.kill("SIGKILL"), 5000);
            await child.exited;
            clearTimeout(killer);
        },
        log: () => log,
        async dispose() {
            await this.stop();
            rmSync(dir, { recursive: true, force: true });
        },
    };
}

/** The image's odoo.conf, with only what must differ here: paths, addresses, no database. */
function boxConfig(tree, dir, ip, geventPort, secrets) {
    const image = readFileSync(join(tree, "addons/iot_box_image/configuration/odoo.conf"), "utf8");
    const set = {
        data_dir: join(dir, "data"),
        pidfile: join(dir, "data", "odoo.pid"),
        http_interface: ip,
        http_port: "8069",
        gevent_port: String(geventPort),
        // A folder without a socket: the box never reaches a PostgreSQL server.
        db_host: join(dir, "nosock"),
        addons_path: `${join(tree, "addons")},${join(tree, "odoo/addons")}`,
    };
    const lines = image.split("\n").filter((line) => !Object.keys(set).some((key) => new RegExp(`^\\s*${key}\\s*=`).test(line)));
    const options = lines.findIndex((line) => line.trim() === "[options]");
    if (options < 0) throw new Error("the image's odoo.conf has no [options] section");
    lines.splice(options + 1, 0, ...Object.entries(set).map(([key, value]) => `${key} = ${value}`));
    // The box's pairing, as /iot_drivers/save_credential writes it: it answers both values to
    // anyone, so the add-on must show, log and keep neither.
    if (secrets) lines.push("", "[iot.box]", `db_uuid = ${secrets.dbUuid}`, `enterprise_code = ${secrets.enterpriseCode}`);
    return lines.join("\n");
}

/** Waits until `url` answers, the process died, or 60 s passed. */
export async function waitForHttp(url, died, log) {
    for (let i = 0; i < 600; i++) {
        if (died()) throw new Error(`the box stopped while starting:\n${log().split("\n").slice(-15).join("\n")}`);
        try {
            const answer = await fetch(url, { signal: AbortSignal.timeout(1000) });
            if (answer.ok) return;
        } catch {
            // not up yet
        }
        await new Promise((done) => setTimeout(done, 100));
    }
    throw new Error(`${url} never answered`);
}
