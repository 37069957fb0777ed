import { settle } from "../../src/core/flapping";

QUnit.module("iot_https_certificate/core/flapping", () => {
    QUnit.test("a network failure over a shown OK waits for its confirmation", (assert) => {
        assert.strictEqual(settle({ shown: "ok", next: "unreachable", urgent: false }), "confirm");
        assert.strictEqual(settle({ shown: "ok", next: "dns_issue", urgent: false }), "confirm");
        assert.strictEqual(settle({ shown: "ok", pending: "unreachable", next: "unreachable", urgent: false }), "publish", "seen twice: shown");
        assert.strictEqual(settle({ shown: "ok", pending: "dns_issue", next: "unreachable", urgent: false }), "confirm", "another failure starts over");
    });

    QUnit.test("the box's own word, recoveries and check now are shown at once", (assert) => {
        assert.strictEqual(settle({ shown: "ok", next: "expired", urgent: false }), "publish");
        assert.strictEqual(settle({ shown: "ok", next: "ERR_IOT_HTTPS_LOAD_REQUEST_NO_RESULT", urgent: false }), "publish");
        assert.strictEqual(settle({ shown: "unreachable", next: "ok", urgent: false }), "publish");
        assert.strictEqual(settle({ shown: "dns_issue", next: "unreachable", urgent: false }), "publish", "only a shown OK is protected");
        assert.strictEqual(settle({ shown: "ok", next: "unreachable", urgent: true }), "publish", "a user asked: show what was found");
    });
});
