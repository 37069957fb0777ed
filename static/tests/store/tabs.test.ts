import type { Verdict } from "../../src/core/diagnosis";
import { openTabChannel, receiveTabMessage } from "../../src/store/tabs";
import type { TabMessage, TabPeer } from "../../src/store/tabs";

/** Two tabs' views of one localStorage: a write fires `storage` in every other tab only. */
function sharedStorage() {
    const data = new Map<string, string>();
    const tabs: Array<Set<(event: StorageEvent) => void>> = [];
    return () => {
        const listeners = new Set<(event: StorageEvent) => void>();
        tabs.push(listeners);
        const fire = (key: string, newValue: string | null) => {
            for (const other of tabs) if (other !== listeners) for (const l of other) l({ key, newValue } as StorageEvent);
        };
        const storage = {
            setItem: (key: string, value: string) => (data.set(key, value), fire(key, value)),
            removeItem: (key: string) => (data.delete(key), fire(key, null)),
            getItem: (key: string) => data.get(key) ?? null,
        } as unknown as Storage;
        return {
            localStorage: storage,
            addEventListener: (_: "storage", l: (event: StorageEvent) => void) => listeners.add(l),
            removeEventListener: (_: "storage", l: (event: StorageEvent) => void) => listeners.delete(l),
        };
    };
}

QUnit.module("iot_https_certificate/store/tabs", () => {
    QUnit.test("without BroadcastChannel, tabs talk through localStorage events", (assert) => {
        const tab = sharedStorage();
        const received: TabMessage[] = [];
        const own: TabMessage[] = [];
        const a = openTabChannel(tab(), (m) => own.push(m));
        const b = openTabChannel(tab(), (m) => received.push(m));
        a.post({ type: "release", tab: "a", boxes: [1, 2] });
        a.post({ type: "release", tab: "a", boxes: [1, 2] });
        assert.deepEqual(received, [{ type: "release", tab: "a", boxes: [1, 2] }, { type: "release", tab: "a", boxes: [1, 2] }], "the same message twice arrives twice");
        assert.deepEqual(own, [], "a tab does not hear itself");
        b.close();
        a.post({ type: "release", tab: "a", boxes: [3] });
        assert.strictEqual(received.length, 2, "a closed channel hears nothing");
        a.close();
    });

    QUnit.test("with neither, a tab works alone without errors", (assert) => {
        const channel = openTabChannel({}, () => assert.ok(false));
        channel.post({ type: "release", tab: "a", boxes: [] });
        channel.close();
        assert.ok(true);
    });

    QUnit.test("messages reach the peer, never from this tab, and an unknown generation is dropped", (assert) => {
        const heard: unknown[] = [];
        const peer: TabPeer = {
            leased: (box, until) => heard.push(["leased", box, until]),
            released: (box) => heard.push(["released", box]),
            heard: (box, ip, verdict, generation) => heard.push(["heard", box, ip, verdict.key, generation]),
        };
        const verdict: Verdict = { key: "ok", rule: "name_answered" };
        receiveTabMessage({ type: "lease", tab: "a", box: 1, until: 99 }, "a", peer);
        receiveTabMessage({ type: "lease", tab: "b", box: 1, until: 99 }, "a", peer);
        receiveTabMessage({ type: "release", tab: "b", boxes: [1, 2] }, "a", peer);
        receiveTabMessage({ type: "verdict", tab: "b", box: 1, ip: "x", verdict, generation: "18" }, "a", peer);
        receiveTabMessage({ type: "verdict", tab: "b", box: 1, ip: "x", verdict, generation: "<script>" }, "a", peer);
        assert.deepEqual(heard, [
            ["leased", 1, 99],
            ["released", 1],
            ["released", 2],
            ["heard", 1, "x", "ok", "18"],
            ["heard", 1, "x", "ok", undefined],
        ]);
    });
});
