import { parseBoxAddress } from "../../static/src/core/address";
import { getCatalog } from "../../static/src/core/catalog";
import type { CatalogKey } from "../../static/src/core/catalog";
import type { BoxStatus } from "../../static/src/store/box_status";
import { FleetSummary } from "../../static/src/components/fleet_summary/fleet_summary";
import { cleanup, mountComponent, text } from "./helpers";

const status = (boxId: number, key: CatalogKey): BoxStatus => ({
    boxId, address: parseBoxAddress("192.168.1.10"), verdict: { key, rule: "name_answered" }, checking: false,
});
const catalog = getCatalog();

QUnit.module("fleet summary", (hooks) => {
    hooks.afterEach(cleanup);

    const statuses = [
        status(1, "ok"), status(2, "ok"), status(3, "renewal_overdue"), status(4, "ERR_IOT_HTTPS_LOAD_REQUEST_NO_RESULT"),
        status(5, "dns_issue"), status(6, "unreachable"), status(7, "local_network_permission"), status(8, "checking"),
        status(9, "no_certificate"), status(10, "unreadable_answer"), status(11, "expired"), status(12, "certificate_rejected"),
        status(13, "no_valid_certificate"),
    ];

    QUnit.test("one count per badge colour, in that colour, worst first", async (assert) => {
        const target = await mountComponent(FleetSummary, { statuses, onShowBoxes: () => undefined });
        const counts = [...target.querySelectorAll("button.badge")];
        assert.deepEqual(counts.map(text), ["4 failing", "4 needing attention", "2 unreachable from here", "2 OK"]);
        assert.deepEqual(counts.map((count) => [...count.classList].find((c) => c.startsWith("text-bg-"))), [
            "text-bg-danger", "text-bg-warning", "text-bg-secondary", "text-bg-success",
        ]);
        assert.strictEqual(text(target.querySelector(".o_iot_https_fleet_checking")), "1 checking…");
    });

    QUnit.test("every box is counted in the colour its badge wears", async (assert) => {
        for (const entry of Object.values(catalog.entries)) {
            if (entry.key === "checking") continue;
            cleanup();
            const target = await mountComponent(FleetSummary, { statuses: [status(1, entry.key)], onShowBoxes: () => undefined });
            const counted = [...target.querySelectorAll("button.badge")].find((count) => text(count).startsWith("1 "))!;
            assert.ok(counted.classList.contains(`text-bg-${entry.severity}`), `${entry.key} (${entry.severity}) counted as ${text(counted)}`);
            assert.ok(counted.getAttribute("title")!.includes(entry.label), `its tooltip names "${entry.label}"`);
        }
    });

    QUnit.test("each count's tooltip says which states it holds; a click filters the view to those boxes", async (assert) => {
        const shown: [string, number[]][] = [];
        const target = await mountComponent(FleetSummary, { statuses, onShowBoxes: (description: string, ids: number[]) => shown.push([description, ids]) });
        const failing = target.querySelector(".o_iot_https_fleet_failing")!;
        assert.ok(failing.getAttribute("title")!.startsWith("Failing: Expired, Error: no server"));
        assert.ok(failing.getAttribute("title")!.includes("DNS issue"));
        assert.notOk(failing.getAttribute("title")!.includes("No certificate yet"), "yellow states are not in the red count");
        const attention = target.querySelector(".o_iot_https_fleet_attention")!;
        assert.ok(attention.getAttribute("title")!.includes("No certificate yet"));
        assert.ok(attention.getAttribute("title")!.includes("Unreadable answer"));
        assert.ok(target.querySelector(".o_iot_https_fleet_unreachable")!.getAttribute("title")!.includes("Permission needed"));
        for (const group of ["failing", "attention", "unreachable", "ok"]) {
            (target.querySelector(`.o_iot_https_fleet_${group}`) as HTMLButtonElement).click();
        }
        assert.deepEqual(shown, [
            ["HTTPS failing", [4, 5, 11, 12]],
            ["HTTPS needing attention", [3, 9, 10, 13]],
            ["Unreachable from here", [6, 7]],
            ["HTTPS OK", [1, 2]],
        ]);
        (target.querySelector(".o_iot_https_fleet_problems") as HTMLButtonElement).click();
        assert.deepEqual(shown.at(-1), ["Boxes with an HTTPS problem", [3, 4, 5, 6, 7, 9, 10, 11, 12, 13]]);
    });

    QUnit.test("an empty count filters nothing; with no problem the problem filter is disabled", async (assert) => {
        const shown: unknown[] = [];
        const target = await mountComponent(FleetSummary, { statuses: [status(1, "ok")], onShowBoxes: (...args: unknown[]) => shown.push(args) });
        const failing = target.querySelector(".o_iot_https_fleet_failing") as HTMLButtonElement;
        assert.strictEqual(failing.getAttribute("aria-disabled"), "true");
        failing.click();
        assert.deepEqual(shown, []);
        assert.ok((target.querySelector(".o_iot_https_fleet_problems") as HTMLButtonElement).disabled);
    });
});
