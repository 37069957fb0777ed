import { parseBoxAddress } from "../../static/src/core/address";
import type { CatalogKey } from "../../static/src/core/catalog";
import type { BoxStatus } from "../../static/src/store/box_status";
import { FleetSummary } from "../../static/src/components/fleet_summary/fleet_summary";
import { cleanup, mountComponent, text } from "./helpers";

const status = (boxId: number, key: CatalogKey): BoxStatus => ({
    boxId, address: parseBoxAddress("192.168.1.10"), verdict: { key, rule: "name_answered" }, checking: false,
});

QUnit.module("fleet summary", (hooks) => {
    hooks.afterEach(cleanup);

    QUnit.test("counts OK, expiring, failing and unreachable boxes; one click lists the problem boxes", async (assert) => {
        const shown: number[][] = [];
        const statuses = [
            status(1, "ok"), status(2, "ok"), status(3, "renewal_overdue"), status(4, "ERR_IOT_HTTPS_LOAD_REQUEST_NO_RESULT"),
            status(5, "dns_issue"), status(6, "unreachable"), status(7, "local_network_permission"), status(8, "checking"),
        ];
        const target = await mountComponent(FleetSummary, { statuses, onShowProblems: (ids: number[]) => shown.push(ids) });
        assert.strictEqual(text(target.querySelector(".o_iot_https_fleet_ok")), "2 OK");
        assert.strictEqual(text(target.querySelector(".o_iot_https_fleet_expiring")), "1 expiring");
        assert.strictEqual(text(target.querySelector(".o_iot_https_fleet_failing")), "2 failing");
        assert.strictEqual(text(target.querySelector(".o_iot_https_fleet_unreachable")), "2 unreachable");
        assert.strictEqual(text(target.querySelector(".o_iot_https_fleet_checking")), "1 checking…");
        (target.querySelector(".o_iot_https_fleet_problems") as HTMLButtonElement).click();
        assert.deepEqual(shown, [[3, 4, 5, 6, 7]]);
    });

    QUnit.test("with no problem the filter button is disabled", async (assert) => {
        const target = await mountComponent(FleetSummary, { statuses: [status(1, "ok")], onShowProblems: () => undefined });
        assert.ok((target.querySelector(".o_iot_https_fleet_problems") as HTMLButtonElement).disabled);
    });
});
