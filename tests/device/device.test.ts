/** The device page's core: which device, and what a verdict means there. */
import { readFileSync } from "node:fs";
import { parseBoxAddress } from "../../static/src/core/address";
import { DEVICE_VERDICTS, deviceKindOf, deviceVerdictOf, thisDevice } from "../../static/src/core/device";
import type { Verdict } from "../../static/src/core/diagnosis";

const UA = {
    androidTablet: "Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
    androidPhone: "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
    samsung: "Mozilla/5.0 (Linux; Android 13; SM-T220) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Safari/537.36",
    iphone: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
    iphoneChrome: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1",
    ipadDesktop: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
    windowsEdge: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
    windowsFirefox: "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
    chromebook: "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
    linuxOpera: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 OPR/115.0.0.0",
};

const named = parseBoxAddress("192-168-1-10.abcd1234.odoo-iot.com");
const verdict = (key: Verdict["key"], more: Partial<Verdict> = {}): Verdict => ({ key, rule: "nothing_answered", ...more });

QUnit.module("core/device", () => {
    QUnit.test("the kind of device, from its user agent", (assert) => {
        assert.deepEqual(deviceKindOf(UA.androidTablet), { browser: "chrome", system: "android_tablet" });
        assert.deepEqual(deviceKindOf(UA.androidPhone), { browser: "chrome", system: "android_phone" });
        assert.deepEqual(deviceKindOf(UA.samsung), { browser: "samsung", system: "android_tablet" });
        assert.deepEqual(deviceKindOf(UA.iphone), { browser: "safari", system: "iphone" });
        assert.deepEqual(deviceKindOf(UA.iphoneChrome), { browser: "chrome", system: "iphone" });
        assert.deepEqual(deviceKindOf(UA.windowsEdge), { browser: "edge", system: "windows" });
        assert.deepEqual(deviceKindOf(UA.windowsFirefox), { browser: "firefox", system: "windows" });
        assert.deepEqual(deviceKindOf(UA.chromebook), { browser: "chrome", system: "chromeos" });
        assert.deepEqual(deviceKindOf(UA.linuxOpera), { browser: "opera", system: "linux" });
    });

    QUnit.test("an iPad's Safari says Macintosh: its touch screen tells it from a Mac", (assert) => {
        assert.deepEqual(deviceKindOf(UA.ipadDesktop, 5), { browser: "safari", system: "ipad" });
        assert.deepEqual(deviceKindOf(UA.ipadDesktop, 0), { browser: "safari", system: "mac" });
    });

    QUnit.test("an unknown or hostile user agent is 'other', never a guess", (assert) => {
        assert.deepEqual(deviceKindOf(""), { browser: "other", system: "other" });
        assert.deepEqual(deviceKindOf("<script>alert(1)</script>"), { browser: "other", system: "other" });
        assert.deepEqual(deviceKindOf("x".repeat(100_000) + " Android"), { browser: "other", system: "other" }, "only the first 512 characters are read");
        assert.strictEqual(thisDevice("other"), "this device");
        assert.strictEqual(thisDevice("android_tablet"), "this Android tablet");
    });

    QUnit.test("what a diagnosis means on this device", (assert) => {
        assert.strictEqual(deviceVerdictOf(named, verdict("checking")), undefined);
        assert.strictEqual(deviceVerdictOf(named, verdict("ok", { nameAnswered: true })), "works");
        // The box's own problems are the same from every device: this device's path works.
        for (const key of ["ERR_IOT_HTTPS_LOAD_REQUEST_STATUS", "renewal_overdue", "box_odoo_down", "status_hanging"] as const) {
            assert.strictEqual(deviceVerdictOf(named, verdict(key, { nameAnswered: true })), "works", key);
        }
        assert.strictEqual(deviceVerdictOf(named, verdict("dns_issue", { lanAnswered: true })), "dns_issue");
        assert.strictEqual(deviceVerdictOf(named, verdict("certificate_rejected", { lanAnswered: true })), "certificate_rejected");
        assert.strictEqual(deviceVerdictOf(named, verdict("expired", { lanAnswered: true })), "certificate_rejected");
        assert.strictEqual(deviceVerdictOf(named, verdict("https_blocked")), "https_fails");
        assert.strictEqual(deviceVerdictOf(named, verdict("local_network_permission")), "local_network");
        assert.strictEqual(deviceVerdictOf(named, verdict("unreachable")), "unreachable");
        assert.strictEqual(deviceVerdictOf(named, verdict("box_odoo_down")), "unreachable", "nothing of the box answered at its name");
    });

    QUnit.test("a box known by its IP only, or by garbage, has no HTTPS address for any device", (assert) => {
        assert.strictEqual(deviceVerdictOf(parseBoxAddress("192.168.1.10"), verdict("no_certificate", { lanAnswered: true })), "no_address");
        assert.strictEqual(deviceVerdictOf(parseBoxAddress("<img src=x>"), verdict("invalid_address")), "no_address");
        assert.strictEqual(deviceVerdictOf(parseBoxAddress(false), verdict("invalid_address")), "no_address");
    });

    QUnit.test("every key the page can send is one the server takes, and no other", (assert) => {
        const python = readFileSync("models/iot_box_device_check.py", "utf8");
        const tuple = (name: string) => JSON.parse(`[${/^NAME = \(([^)]*)\)/m.exec(python.replace(/^(\w+) =/gm, (l, n) => (n === name ? "NAME =" : l)))![1].replace(/,\s*$/, "")}]`);
        assert.deepEqual(tuple("VERDICTS"), [...DEVICE_VERDICTS]);
        const agents = Object.values(UA).map((ua) => deviceKindOf(ua));
        for (const { browser, system } of [...agents, deviceKindOf("")]) {
            assert.ok(tuple("BROWSERS").includes(browser), browser);
            assert.ok(tuple("SYSTEMS").includes(system), system);
        }
    });
});
