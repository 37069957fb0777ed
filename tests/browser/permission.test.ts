import { browser } from "@web/core/browser/browser";
import { localNetworkPermission } from "../../static/src/odoo/status_service";

/** Runs `fn` with a page served from `hostname` and a permissions API answering `query`. */
async function withBrowser(hostname: string, query: (name: string) => Promise<{ state: string }>, fn: () => Promise<void>) {
    // `location` is a getter on Odoo's browser object: replace the property, then put it back.
    const saved = { location: Object.getOwnPropertyDescriptor(browser, "location")!, navigator: Object.getOwnPropertyDescriptor(browser, "navigator")! };
    Object.defineProperty(browser, "location", { configurable: true, value: { hostname } });
    Object.defineProperty(browser, "navigator", { configurable: true, value: { permissions: { query: ({ name }: { name: string }) => query(name) } } });
    try {
        await fn();
    } finally {
        Object.defineProperty(browser, "location", saved.location);
        Object.defineProperty(browser, "navigator", saved.navigator);
    }
}

const unknownName = (name: string) => Promise.reject(new TypeError(`The provided value '${name}' is not a valid enum value of type PermissionName.`));

QUnit.module("local network permission", () => {
    QUnit.test("Chrome 142's name first; the later local-network name when that one is unknown", async (assert) => {
        const asked: string[] = [];
        await withBrowser("odoo.example.com", (name) => (asked.push(name), name === "local-network" ? Promise.resolve({ state: "prompt" }) : unknownName(name)), async () => {
            assert.strictEqual(await localNetworkPermission(), "prompt");
        });
        assert.deepEqual(asked, ["local-network-access", "local-network"]);
    });

    QUnit.test("a browser that knows neither name: unsupported, and the probe goes on", async (assert) => {
        await withBrowser("odoo.example.com", unknownName, async () => {
            assert.strictEqual(await localNetworkPermission(), "unsupported");
        });
        await withBrowser("odoo.example.com", (name) => (name === "local-network-access" ? Promise.resolve({ state: "granted" }) : unknownName(name)), async () => {
            assert.strictEqual(await localNetworkPermission(), "granted");
        });
    });

    QUnit.test("a page served from the local network never needs it", async (assert) => {
        await withBrowser("192.168.1.5", () => Promise.resolve({ state: "prompt" }), async () => {
            assert.strictEqual(await localNetworkPermission(), "unsupported");
        });
    });
});
