// The states a simulated box can be put in. Each says what the box software reports, which
// certificate its HTTPS port serves, and how the network treats it. Where the demo shows a
// state no real box produces, its entry says so (`staged`).
const DAY = 86_400_000;
/** A date as the box and the server print it: "2027-02-01 00:00:00", UTC. */
export const at = (ms) => new Date(ms).toISOString().slice(0, 19).replace("T", " ");
/** 16–18 boxes print the expiry minus their 10-day renewal threshold. */
const validUntil18 = (expiry) => `Your certificate *.{label}.odoo-iot.com is valid until ${at(expiry - 10 * DAY)}`;
const error18 = (details) => ({ generation: "18", report: { is_certificate_ok: false, certificate_details: details } });

export const STATES = {
    ok_19: { title: "OK (19)", generation: "19", expiresIn: 60 * DAY },
    ok_18: { title: "OK (18.0)", generation: "18", expiresIn: 75 * DAY },
    // An early 17.0 or 16.0 image (hello only): no such tree runs here, so no real twin.
    ok_legacy: { title: "OK (17.0)", generation: "legacy", expiresIn: 45 * DAY },
    no_server: { title: "ERR_IOT_HTTPS_CHECK_NO_SERVER", ...error18("ERR_IOT_HTTPS_CHECK_NO_SERVER") },
    cert_read: { title: "ERR_IOT_HTTPS_CHECK_CERT_READ_EXCEPTION", ...error18("ERR_IOT_HTTPS_CHECK_CERT_READ_EXCEPTION") },
    // A box never given its credentials answers both as null.
    no_credential: { title: "ERR_IOT_HTTPS_LOAD_NO_CREDENTIAL", ...error18("ERR_IOT_HTTPS_LOAD_NO_CREDENTIAL"), noCredentials: true },
    request_exception: {
        title: "ERR_IOT_HTTPS_LOAD_REQUEST_EXCEPTION",
        ...error18("ERR_IOT_HTTPS_LOAD_REQUEST_EXCEPTION\n\nHTTPSConnectionPool(host='www.odoo.com', port=443): Max retries exceeded with url: /odoo-enterprise/iot/x509 (Caused by NewConnectionError('<urllib3.connection.HTTPSConnection object at 0x7f2df159a4d0>: Failed to establish a new connection: [Errno 111] Connection refused'))"),
    },
    request_status: { title: "ERR_IOT_HTTPS_LOAD_REQUEST_STATUS 503", ...error18("ERR_IOT_HTTPS_LOAD_REQUEST_STATUS 503\n\nService Unavailable") },
    no_result: { title: "ERR_IOT_HTTPS_LOAD_REQUEST_NO_RESULT", ...error18("ERR_IOT_HTTPS_LOAD_REQUEST_NO_RESULT") },
    // A 19 box says `null` with 10 days or fewer left: over a name this browser trusts, that is a
    // renewal that failed.
    no_valid_19: { title: "Renewal failed (19, no end date)", generation: "19", expiresIn: 6 * DAY },
    // The image's own self-signed certificate (no SAN): browsers refuse it, the box says `null`.
    temporary_19: { title: "Temporary certificate (19)", generation: "19", tls: "temporary" },
    // staged: a real 17.0/18.0 box with 10 days or fewer left tries to renew and reports that
    // attempt's code; it never reports "valid until" a date already passed.
    renewal_overdue: { title: "Renewal overdue (5 days left)", generation: "18", expiresIn: 5 * DAY },
    // The database remembers the end date the box reported before its last 10 days.
    expired: { title: "Expired certificate", generation: "19", expiresIn: -3 * DAY, storedEnd: true },
    // The box's nginx is up, Odoo on the box is not: its 502 page on every path, without CORS,
    // and nothing on <ip>:8069, where Odoo listens itself.
    odoo_down: { title: "Odoo down behind the box's web server", generation: "19", expiresIn: 60 * DAY, odooDown: true },
    // A 17.0/18.0 box asks odoo.com inside its status route, without a time limit.
    status_hangs: { title: "Status route hangs (stuck asking odoo.com)", generation: "18", expiresIn: 60 * DAY, statusHangs: true },
    // A 17.0/18.0 box whose certificate file is not a certificate: its status route answers 500.
    status_fails: { title: "Status route fails (500)", generation: "18", expiresIn: 60 * DAY, statusFails: true },
    wrong_name: { title: "Certificate for another name", generation: "19", expiresIn: 60 * DAY, tls: "wrong_name" },
    untrusted: { title: "Untrusted issuer", generation: "19", expiresIn: 60 * DAY, tls: "untrusted" },
    // staged: a real box with the temporary certificate tries to get one and reports that
    // attempt's code; the add-on reads the temporary CN the same way wherever it appears.
    no_certificate: { title: "No certificate yet (plain IP)", generation: "18", plainIp: true, report: { is_certificate_ok: true, certificate_details: "Your certificate OdooTempIoTBoxCertificate is valid until 2030-01-01 00:00:00" } },
    dns_issue: { title: "DNS issue (name does not resolve)", generation: "19", expiresIn: 60 * DAY, dns: "fail" },
    // staged: a real box answers in milliseconds or hangs; this one is slow on purpose.
    slow: { title: "Slow answer (3 s)", generation: "19", expiresIn: 60 * DAY, delayMs: 3000 },
    // staged: network conditions and answers no box software sends, which the add-on must survive.
    silent: { title: "No answer", generation: "19", silent: true },
    refused: { title: "Connection refused", generation: "19", refused: true },
    malformed: { title: "Malformed JSON", generation: "19", raw: '{"certificate_end_date": "2027-01-01", ' },
    oversized: { title: "Oversized answer", generation: "19", raw: `{"pad": "${"x".repeat(1_000_000)}"}` },
    // staged: hostile text where a box sends its details.
    hostile: {
        title: `Hostile strings <img src=x onerror="alert('box')">`,
        ...error18(`ERR_IOT_HTTPS_<b>INJECTED</b> <script>alert('box')</script><a href="javascript:alert(1)">click</a>`),
    },
};

/**
 * What the box's status endpoint answers: the fields a real box of that generation sends, in its
 * order (tests/real_box/contract.mjs holds dev/ to it), secrets included as real boxes send them.
 */
export function statusBody(state, label, { now = Date.now(), ip = "192.168.1.10", startedAt = now } = {}) {
    if (state.raw) return state.raw;
    const secrets = state.noCredentials ? { db_uuid: null, enterprise_code: null } : { db_uuid: "3f1c5e0e-demo-uuid", enterprise_code: "M0000DEMOSECRET" };
    const uptime = (now - startedAt) / 1000;
    if (state.generation === "19") {
        // As the real box: no date when none is valid, or 10 days or fewer are left.
        const end = state.expiresIn === undefined || state.expiresIn <= 10 * DAY ? null : at(now + state.expiresIn);
        return JSON.stringify({
            ...secrets, ip, identifier: "demo_identifier", mac_address: "b8:27:eb:00:00:01", devices: {}, server_status: "",
            pairing_code: false, new_database_url: false, pairing_code_expired: false, six_terminal: "Not Configured",
            is_access_point_up: false, network_interfaces: [], version: "L25.10", system: "Linux",
            odoo_uptime_seconds: uptime, system_uptime_seconds: uptime, certificate_end_date: end,
            wifi_ssid: null, qr_code_wifi: null, qr_code_url: null,
        });
    }
    const report = state.report ?? { is_certificate_ok: true, certificate_details: validUntil18(now + state.expiresIn) };
    return JSON.stringify({
        ...secrets, hostname: "iotbox", ip, mac: "b8:27:eb:00:00:01", iot_device_status: [], server_status: "https://demo.odoo.com",
        pairing_code: false, six_terminal: "Not Configured", network_status: "Ethernet", version: "L24.10", system: "Linux",
        is_certificate_ok: report.is_certificate_ok, certificate_details: report.certificate_details.replace("{label}", label),
    });
}
