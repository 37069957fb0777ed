// The real box software of an Odoo tree, run as a box runs it, on one loopback "LAN" IP.
//
// - 19.0 (`addons/iot_drivers`) runs in its official Test mode (not a Raspberry Pi, not
//   Windows): the image's own odoo.conf, no database.
// - 17.0 and 18.0 (`addons/hw_drivers` + `addons/hw_posbox_homepage`) have no Test mode; they
//   run as on a Raspberry Pi, with the image's server-wide modules.
//
// Everything runs as Odoo wrote it, as `nobody`, in a private mount namespace. What the harness
// gives the box there, and why:
// - the certificate file: `/etc/ssl/certs/nginx-cert.crt` is hard-coded, so a copy of the
//   machine's `/etc/ssl/certs` (plus that file) is bound over it. The machine's folder is never
//   written.
// - name resolution: a hosts file bound over `/etc/hosts` sends every `*.odoo.com` name the box
//   code uses to loopback (www.odoo.com to the odoo.com stand-in); the box refuses to start
//   unless each resolves into 127.0.0.0/8 there.
// - `sudo`: a fake one, first on PATH and bound over any real one. It does nothing for the
//   remount of `/` (`writable()`), asks the harness to reload the front for
//   `service nginx restart`, and exits 1 for anything else.
// - 17.0/18.0 only: a home for the `pi` user (`path_file()` reads `~pi`: an /etc/passwd entry
//   whose home is the box's folder, where its odoo.conf lives), the image version file
//   (`/var/odoo/iotbox_version`, read by `get_version()`), and an empty `iwconfig` and
//   `systemctl` (`get_ssid()`; no Wi-Fi here).
// - two library bridges (`bridge/sitecustomize.py`): Debian 12's websocket-client and
//   cryptography are older than the image's.
// - certificates: the harness writes each certificate file; a "renewal" is the harness
//   swapping files (19.0's Test mode never downloads one, and the 17.0/18.0 states here never
//   succeed).
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const NOBODY = 65534;
/** The odoo.com names the box code calls; each must resolve to loopback inside the box. */
export const ODOO_COM_NAMES = ["www.odoo.com", "iot-proxy.odoo.com", "nightly.odoo.com"];

const FAKE_SUDO = (dir) => `#!/bin/sh
# The real-box harness's sudo: the box may remount / (writable()), which would turn this
# machine's root file system read-only. Nothing else is allowed.
case "$*" in
  "mount -o remount,rw /"*|"mount -o remount,ro /"*) exit 0 ;;
  "service nginx restart") echo restart >> ${dir}/requests/nginx; exit 0 ;;
esac
echo "fake sudo: refused: $*" >&2
exit 1
`;
const NO_WIFI = "#!/bin/sh\n# No Wi-Fi here: get_ssid() reads nothing.\nexit 3\n";

/** Where each box software keeps what the harness needs from its tree. */
const SOFTWARE = {
    iot_drivers: { config: "addons/iot_box_image/configuration/odoo.conf", ping: "/iot_drivers/ping" },
    hw_drivers: { config: "addons/point_of_sale/tools/posbox/configuration/odoo.conf", ping: "/hw_proxy/hello" },
};

/**
 * Prepares a box of `tree` on `ip` (its Odoo on port 8069 there, as on a box). `software`:
 * "iot_drivers" (19.0) or "hw_drivers" (17.0, 18.0). `conf`: the box's `[iot.box]` settings
 * (db_uuid, enterprise_code, remote_server). `odooCom`: the IP www.odoo.com resolves to.
 */
export function makeBox({ tree, software, ip, geventPort, conf = {}, odooCom = "127.0.0.1", imageVersion = "24.10" }) {
    const dir = mkdtempSync(join(tmpdir(), "iot-real-box-"));
    chmodSync(dir, 0o755);
    for (const sub of ["odoo", "data", "certs", "bin", "nosock", "requests", "var-odoo"]) mkdirSync(join(dir, sub));
    // 19.0 finds its settings next to odoo-bin's folder (`Path(sys.path[0]).parent`); 17.0 and
    // 18.0 in `~pi`, which is this folder too.
    copyFileSync(join(tree, "odoo-bin"), join(dir, "odoo", "odoo-bin"));
    cpSync("/etc/ssl/certs", join(dir, "certs"), { recursive: true, dereference: false });
    writeFileSync(join(dir, "bin", "sudo"), FAKE_SUDO(dir), { mode: 0o755 });
    for (const tool of ["iwconfig", "systemctl"]) writeFileSync(join(dir, "bin", tool), NO_WIFI, { mode: 0o755 });
    const hosts = `${readFileSync("/etc/hosts", "utf8")}\n${odooCom} www.odoo.com\n127.0.0.1 ${ODOO_COM_NAMES.slice(1).join(" ")}\n`;
    writeFileSync(join(dir, "hosts"), hosts, { mode: 0o644 });
    writeFileSync(join(dir, "passwd"), `${readFileSync("/etc/passwd", "utf8").trimEnd()}\npi:x:${NOBODY}:${NOBODY}:pi:${dir}:/bin/sh\n`, { mode: 0o644 });
    writeFileSync(join(dir, "var-odoo", "iotbox_version"), `${imageVersion}\n`, { mode: 0o644 });
    spawnSync("chown", ["-R", `${NOBODY}:${NOBODY}`, join(dir, "data"), join(dir, "requests")]);
    const confPath = join(dir, "odoo.conf");
    const settings = { ...conf };
    const writeConf = () => {
        writeFileSync(confPath, boxConfig(tree, software, dir, ip, geventPort, settings), { mode: 0o644 });
        spawnSync("chown", [`${NOBODY}:${NOBODY}`, confPath]);
    };
    writeConf();
    // /var/odoo must exist as a mount point; made here only when missing, and removed again.
    const madeVarOdoo = software === "hw_drivers" && !existsSync("/var/odoo");
    if (madeVarOdoo) mkdirSync("/var/odoo");

    let child;
    let log = "";
    const certificatePath = join(dir, "certs", "nginx-cert.crt");
    return {
        dir,
        ip,
        certificatePath,
        frontRequests: join(dir, "requests", "nginx"),
        /**
         * Writes the file the box reads (and the front serves). `readable: false`: owned by
         * root, mode 0600, so the box (nobody) cannot read it while nginx (root) can.
         */
        setCertificate(pem, { readable = true } = {}) {
            rmSync(certificatePath, { force: true });
            writeFileSync(certificatePath, pem, { mode: readable ? 0o644 : 0o600 });
        },
        removeCertificate() {
            rmSync(certificatePath, { force: true });
        },
        /** Changes `[iot.box]` settings; the box reads them at each call (remote_server: at start). */
        setConf(changes) {
            Object.assign(settings, changes);
            for (const [key, value] of Object.entries(changes)) if (value === undefined) delete settings[key];
            writeConf();
        },
        start() {
            const bridge = resolve(HERE, "bridge");
            const script = [
                "set -e",
                `mount --bind ${dir}/certs /etc/ssl/certs`,
                `mount --bind ${dir}/hosts /etc/hosts`,
                `mount --bind ${dir}/passwd /etc/passwd`,
                ...(existsSync("/var/odoo") ? [`mount --bind ${dir}/var-odoo /var/odoo`] : []),
                ...(existsSync("/usr/bin/sudo") ? [`mount --bind ${dir}/bin/sudo /usr/bin/sudo`] : []),
                `for name in ${ODOO_COM_NAMES.join(" ")}; do getent hosts "$name" | grep -q '^127\\.' || { echo "refused: $name does not resolve to loopback in the box" >&2; exit 97; }; done`,
                `exec setpriv --reuid=${NOBODY} --regid=${NOBODY} --clear-groups env -i PATH=${dir}/bin:/usr/bin:/bin HOME=${dir} ` +
                    `PYTHONPATH=${bridge}:${tree} /usr/bin/python3 ${dir}/odoo/odoo-bin --config ${confPath}`,
            ].join("\n");
            child = spawn("unshare", ["-m", "--propagation", "private", "sh", "-c", script], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
            const keep = (chunk) => (log += chunk);
            child.stdout.on("data", keep);
            child.stderr.on("data", keep);
            child.exited = new Promise((done) => child.on("close", done));
            return waitForHttp(`http://${ip}:8069${SOFTWARE[software].ping}`, () => child.exitCode !== null, () => log);
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
            if (madeVarOdoo) rmdirSync("/var/odoo");
        },
    };
}

/**
 * The image's odoo.conf, with only what must differ here: paths, addresses, no database, and
 * the box's `[iot.box]` settings. The 17.0 tree has no such file: its image adds the same
 * server-wide modules from `posbox_update.sh`, read here from that script.
 */
function boxConfig(tree, software, dir, ip, geventPort, settings) {
    const file = join(tree, SOFTWARE[software].config);
    const image = existsSync(file) ? readFileSync(file, "utf8") : `[options]\n${modulesFromUpdateScript(tree)}\n`;
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
    // What /iot_drivers/save_credential (19.0) or the box's setup (17.0/18.0) writes. The box
    // answers db_uuid and enterprise_code to anyone: the add-on must show, log and keep neither.
    const entries = Object.entries(settings).filter(([, value]) => value !== undefined);
    if (entries.length) lines.push("", "[iot.box]", ...entries.map(([key, value]) => `${key} = ${value}`));
    return lines.join("\n");
}

function modulesFromUpdateScript(tree) {
    const script = readFileSync(join(tree, "addons/point_of_sale/tools/posbox/configuration/posbox_update.sh"), "utf8");
    const line = /server_wide_modules=[\w,]+/.exec(script);
    if (!line) throw new Error("posbox_update.sh no longer names the server-wide modules");
    return line[0];
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
