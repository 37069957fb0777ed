import { localNetworkPermission } from "../../static/src/store/browser_net";
import type { PageHost } from "../../static/src/store/browser_net";

/** A page served from `hostname` whose permissions API answers `query`. */
function pageOn(hostname: string, query: (name: string) => Promise<{ state: string }>): PageHost {
    return {
        fetch: window.fetch.bind(window),
        setTimeout: window.setTimeout.bind(window),
        clearTimeout: window.clearTimeout.bind(window),
        location: { hostname, protocol: "https:" },
        navigator: { permissions: { query: ({ name }: PermissionDescriptor) => query(name) as Promise<PermissionStatus> } },
    };
}

const unknownName = (name: string) => Promise.reject(new TypeError(`The provided value '${name}' is not a valid enum value of type PermissionName.`));

QUnit.module("local network permission", () => {
    QUnit.test("Chrome 142's name first; the later local-network name when that one is unknown", async (assert) => {
        const asked: string[] = [];
        const page = pageOn("odoo.example.com", (name) => (asked.push(name), name === "local-network" ? Promise.resolve({ state: "prompt" }) : unknownName(name)));
        assert.strictEqual(await localNetworkPermission(page), "prompt");
        assert.deepEqual(asked, ["local-network-access", "local-network"]);
    });

    QUnit.test("a browser that knows neither name: unsupported, and the probe goes on", async (assert) => {
        assert.strictEqual(await localNetworkPermission(pageOn("odoo.example.com", unknownName)), "unsupported");
        const chrome142 = pageOn("odoo.example.com", (name) => (name === "local-network-access" ? Promise.resolve({ state: "granted" }) : unknownName(name)));
        assert.strictEqual(await localNetworkPermission(chrome142), "granted");
    });

    QUnit.test("a page served from the local network never needs it", async (assert) => {
        assert.strictEqual(await localNetworkPermission(pageOn("192.168.1.5", () => Promise.resolve({ state: "prompt" }))), "unsupported");
    });

    QUnit.test("a browser without a permissions API: unsupported", async (assert) => {
        const page = { ...pageOn("odoo.example.com", unknownName), navigator: {} };
        assert.strictEqual(await localNetworkPermission(page), "unsupported");
    });
});
