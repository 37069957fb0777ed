import { isLocalPageHost, parseBoxAddress } from "../../src/core/address";
import { hostileString, seeded } from "../helpers/random";

QUnit.module("iot_https_certificate/core/address", () => {
    QUnit.test("an .odoo-iot.com name gives the https URL, the LAN IP and the plain-IP URL", (assert) => {
        assert.deepEqual(parseBoxAddress("192-168-1-10.d73e7513.odoo-iot.com"), {
            kind: "named",
            hostname: "192-168-1-10.d73e7513.odoo-iot.com",
            httpsUrl: "https://192-168-1-10.d73e7513.odoo-iot.com/",
            lanIp: "192.168.1.10",
            lanUrl: "http://192.168.1.10:8069/",
        });
    });

    QUnit.test("a plain IP means no certificate yet, and still gives the LAN URL", (assert) => {
        assert.deepEqual(parseBoxAddress("10.0.0.254"), {
            kind: "plain_ip",
            lanIp: "10.0.0.254",
            lanUrl: "http://10.0.0.254:8069/",
        });
    });

    QUnit.test("empty values (Odoo's false, null, empty string) are their own state", (assert) => {
        for (const value of [false, null, undefined, ""]) {
            assert.deepEqual(parseBoxAddress(value), { kind: "empty" }, String(value));
        }
    });

    QUnit.test("everything else is malformed, never a link", (assert) => {
        const rejected = [
            "192-168-1-10.d73e7513.odoo-iot.com.evil.com", // other domain
            "192-168-1-10.d73e7513.evil.com",
            "evil.com",
            "javascript:alert(1)",
            "javascript://192-168-1-10.d73e7513.odoo-iot.com",
            "192-168-1-10.d73e7513.odoo-iot.com ", // spaces
            " 192-168-1-10.d73e7513.odoo-iot.com",
            "192-168-1-10 .d73e7513.odoo-iot.com",
            "fe80::1", // IPv6
            "[fe80::1]",
            "fe80--1.d73e7513.odoo-iot.com",
            "192-168-1-256.d73e7513.odoo-iot.com", // octets out of range
            "300.1.1.1",
            "192-168-01-10.d73e7513.odoo-iot.com", // leading zero
            "192-168-1-10.D73E7513.odoo-iot.com", // case tricks
            "192-168-1-10.d73e7513.ODOO-IOT.COM",
            "192-168-1-10.d73e7513.odoo-iot.com.", // trailing dot
            `192-168-1-10.${"a".repeat(64)}.odoo-iot.com`, // label too long
            "192-168-1-10.-abc.odoo-iot.com",
            "192-168-1-10.odoo-iot.com", // no label
            "192-168-1-10.a.b.odoo-iot.com", // two labels
            "192-168-1-10.d73e7513.odoo-iot.com:443", // port
            "https://192-168-1-10.d73e7513.odoo-iot.com",
            "192-168-1.d73e7513.odoo-iot.com",
            "1.2.3",
            "1.2.3.4.5",
        ];
        for (const value of rejected) {
            const address = parseBoxAddress(value);
            assert.strictEqual(address.kind, "malformed", JSON.stringify(value));
        }
        assert.deepEqual(parseBoxAddress(42), { kind: "malformed", text: "42" });
        assert.deepEqual(parseBoxAddress({}), { kind: "malformed", text: "[object Object]" });
    });

    QUnit.test("the longest allowed label (63) is accepted", (assert) => {
        const name = `1-2-3-4.${"a".repeat(63)}.odoo-iot.com`;
        assert.strictEqual(parseBoxAddress(name).kind, "named");
    });

    QUnit.test("malformed text is shortened for display", (assert) => {
        const address = parseBoxAddress("x".repeat(500));
        assert.strictEqual(address.kind === "malformed" && address.text.length, 80);
    });

    QUnit.test("property: 5,000 hostile values never throw and never give another link", (assert) => {
        const random = seeded(2026);
        const valid = /^https:\/\/(\d{1,3}-){3}\d{1,3}\.[a-z0-9-]{1,63}\.odoo-iot\.com\/$/;
        let named = 0;
        let broken = 0;
        for (let i = 0; i < 5000; i++) {
            const value = hostileString(random);
            const address = parseBoxAddress(value);
            if (address.kind === "named") {
                named++;
                if (!valid.test(address.httpsUrl) || address.httpsUrl !== `https://${value}/`) broken++;
            }
            if (address.kind === "plain_ip" && !/^http:\/\/(\d{1,3}\.){3}\d{1,3}:8069\/$/.test(address.lanUrl)) {
                broken++;
            }
        }
        assert.strictEqual(broken, 0, `no unvalidated link among ${named} names accepted`);
    });

    QUnit.test("pages served from loopback, private IPs or localhost need no local network permission", (assert) => {
        for (const host of ["127.0.0.1", "localhost", "odoo.localhost", "10.1.2.3", "172.16.0.9", "192.168.1.2", "169.254.1.1"]) {
            assert.ok(isLocalPageHost(host), host);
        }
        for (const host of ["odoo.example.com", "8.8.8.8", "172.32.0.1", "192.169.0.1", "odoo.com"]) {
            assert.notOk(isLocalPageHost(host), host);
        }
    });
});
