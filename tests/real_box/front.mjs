// The box's nginx, as the image configures it: Debian's nginx run with -p/-c on a temporary
// folder, with the image's own site (19.0: `etc/nginx/conf.d/iot.conf`; 17.0/18.0:
// `etc/nginx/sites-enabled/default`) rewritten only for addresses and paths: 443 (HTTP/2) and
// 80 on the box's loopback LAN IP, the very certificate file the box reads, forwarding to Odoo
// on the box at <ip>:8069, and the image's own 502 page when Odoo on the box is down. Plain
// HTTP on <ip>:8069 is Odoo itself, as on a box.
import { spawn, spawnSync } from "node:child_process";
import { X509Certificate } from "node:crypto";
import { connect as connectTls } from "node:tls";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const NGINX = "/usr/sbin/nginx";

/** Where each box software's image keeps its nginx site and its 502 page. */
const IMAGES = {
    iot_drivers: { root: "addons/iot_box_image/overwrite_after_init", site: "etc/nginx/conf.d/iot.conf" },
    hw_drivers: { root: "addons/point_of_sale/tools/posbox/overwrite_after_init", site: "etc/nginx/sites-enabled/default" },
};

/** The image's server blocks, rewritten; throws when a directive it rewrites is not there. */
export function frontConfig(tree, software, { ip, certificate, key, logs }) {
    const image = join(tree, IMAGES[software].root);
    const rewrites = [
        [/^\s*listen \[::\]:\d+.*$/gm, ""], // loopback IPv4 only
        [/^(\s*)listen 80;$/gm, `$1listen ${ip}:80;`],
        [/^(\s*)listen 443 ssl http2( default_server)?;$/gm, `$1listen ${ip}:443 ssl http2$2;`],
        [/ssl_certificate \/etc\/ssl\/certs\/nginx-cert\.crt;/g, `ssl_certificate ${certificate};`],
        [/ssl_certificate_key \/etc\/ssl\/private\/nginx-cert\.key;/g, `ssl_certificate_key ${key};`],
        [/proxy_pass http:\/\/127\.0\.0\.1:8069;/g, `proxy_pass http://${ip}:8069;`],
        [/root \/var\/www\/html;/g, `root ${join(image, "var/www/html")};`],
        [/alias \/var\/log\/(odoo\/)?;/g, `alias ${logs}/;`],
    ];
    // The 17.0/18.0 site's port 80 serves /var/www/ itself.
    const optional = [[/root \/var\/www\/;/g, `root ${join(image, "var/www")}/;`]];
    let conf = readFileSync(join(image, IMAGES[software].site), "utf8");
    for (const [pattern, replacement] of rewrites) {
        if (!pattern.test(conf)) throw new Error(`the image's nginx site changed: ${pattern} not found`);
        pattern.lastIndex = 0;
        conf = conf.replace(pattern, replacement);
    }
    for (const [pattern, replacement] of optional) conf = conf.replace(pattern, replacement);
    return conf;
}

/** Starts nginx in front of the box on `ip`; `reload()` re-reads the certificate as a restart does. */
export async function startFront({ tree, software, ip, certificate, key }) {
    const dir = mkdtempSync(join(tmpdir(), "iot-real-front-"));
    for (const sub of ["logs", "temp"]) mkdirSync(join(dir, sub));
    const server = frontConfig(tree, software, { ip, certificate, key, logs: join(dir, "logs") });
    writeFileSync(join(dir, "iot.conf"), server);
    writeFileSync(join(dir, "nginx.conf"), [
        `pid ${dir}/nginx.pid;`,
        `error_log ${dir}/logs/error.log;`,
        "worker_processes 1;",
        "events { worker_connections 64; }",
        "http {",
        `    access_log ${dir}/logs/access.log;`,
        ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((kind) => `    ${kind}_temp_path ${dir}/temp/${kind};`),
        "    include /etc/nginx/mime.types;",
        `    include ${dir}/iot.conf;`,
        "}",
    ].join("\n"));
    const args = ["-p", dir, "-c", join(dir, "nginx.conf")];
    const test = spawnSync(NGINX, [...args, "-t"], { encoding: "utf8" });
    if (test.status !== 0) throw new Error(`nginx refused the front's configuration:\n${test.stderr}`);
    const child = spawn(NGINX, [...args, "-g", "daemon off;"], { stdio: ["ignore", "ignore", "pipe"] });
    let errors = "";
    child.stderr.on("data", (chunk) => (errors += chunk));
    const exited = new Promise((done) => child.on("close", done));
    await waitForPort(ip, 443, () => child.exitCode !== null, () => errors);
    return {
        dir,
        /**
         * Re-reads the certificate, as the box's `service nginx restart` does, and waits until
         * new connections get `pem` (a reload is a signal: the old workers serve on for a
         * moment). nginx keeps what it loaded when the file is not a certificate.
         */
        async reload(pem) {
            spawnSync(NGINX, [...args, "-s", "reload"], { encoding: "utf8" });
            const wanted = new X509Certificate(pem).fingerprint256;
            for (let i = 0; i < 300; i++) {
                if ((await servedFingerprint(ip)) === wanted) return;
                await new Promise((done) => setTimeout(done, 50));
            }
            throw new Error("nginx never served the new certificate");
        },
        /** The box's own `sudo service nginx restart` (through the fake sudo): reload, no wait. */
        restartRequested() {
            spawnSync(NGINX, [...args, "-s", "reload"]);
        },
        async stop() {
            if (child.exitCode !== null) return;
            child.kill("SIGQUIT");
            const killer = setTimeout(() => child.kill("SIGKILL"), 5000);
            await exited;
            clearTimeout(killer);
        },
        async dispose() {
            await this.stop();
            rmSync(dir, { recursive: true, force: true });
        },
    };
}

/** The fingerprint of the certificate a new TLS connection to `ip`:443 gets. */
function servedFingerprint(ip) {
    return new Promise((done) => {
        const socket = connectTls({ host: ip, port: 443, rejectUnauthorized: false, ALPNProtocols: ["http/1.1"] }, () => {
            const raw = socket.getPeerX509Certificate?.();
            socket.destroy();
            done(raw?.fingerprint256);
        });
        socket.on("error", () => done(undefined));
    });
}

async function waitForPort(ip, port, died, errors) {
    const { connect } = await import("node:net");
    for (let i = 0; i < 300; i++) {
        if (died()) throw new Error(`nginx stopped: ${errors()}`);
        const open = await new Promise((done) => {
            const socket = connect({ host: ip, port }, () => (socket.destroy(), done(true)));
            socket.on("error", () => done(false));
        });
        if (open) return;
        await new Promise((done) => setTimeout(done, 100));
    }
    throw new Error(`nginx never listened on ${ip}:${port}`);
}
