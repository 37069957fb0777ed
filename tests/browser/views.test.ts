import { registry } from "@web/core/registry";
import "../../static/src/iot_https_certificate";

QUnit.module("views XML", () => {
    QUnit.test("the view file parses and inherits the iot.box list, kanban and form by field position", async (assert) => {
        const source = await (await fetch("/views.xml")).text();
        const doc = new DOMParser().parseFromString(source, "text/xml");
        assert.notOk(doc.querySelector("parsererror"), "well-formed XML");
        const all = [...doc.querySelectorAll("record[model='ir.ui.view']")];
        const records = all.filter((r) => r.querySelector("field[name='inherit_id']"));
        const inherits = records.map((r) => r.querySelector("field[name='inherit_id']")!.getAttribute("ref"));
        assert.deepEqual(inherits, ["iot.iot_box_view_list", "iot.iot_box_view_kanban", "iot.iot_box_view_form"]);
        const search = all.find((r) => !records.includes(r))!;
        assert.ok(search.querySelector("field[name='arch'] > search"), "and a search view of its own: 19.0's IoT app has none");
        for (const record of records) {
            assert.strictEqual(record.querySelector("field[name='model']")!.textContent, "iot.box");
        }
        const list = records[0].querySelector("field[name='arch']")!;
        assert.ok(list.querySelector(":scope > field[name='identifier'][position='after']"), "the list inherits by field, not by <tree>/<list>");
        const arch = source.replace(/<!--[\s\S]*?-->/g, "");
        assert.notOk(arch.includes("<tree") || /<list[\s>]/.test(arch), "no root tag is named");
    });

    QUnit.test("the list and kanban get the fleet js_class views the bundle registers", async (assert) => {
        const doc = new DOMParser().parseFromString(await (await fetch("/views.xml")).text(), "text/xml");
        const jsClasses = [...doc.querySelectorAll("xpath[expr='/*'] attribute[name='js_class']")].map((a) => a.textContent);
        assert.deepEqual(jsClasses, ["iot_https_certificate_box_list", "iot_https_certificate_box_kanban"]);
        for (const name of jsClasses) assert.ok(registry.category("views").contains(name!), name!);
    });

    QUnit.test("the search view filters on what the boxes reported, with fields every series has", async (assert) => {
        const doc = new DOMParser().parseFromString(await (await fetch("/views.xml")).text(), "text/xml");
        const search = doc.querySelector("search")!;
        const filters = [...search.querySelectorAll("filter")].map((f) => f.getAttribute("name"));
        assert.deepEqual(filters, ["https_certificate_problem", "https_certificate_expiring", "group_by_https_certificate_state"]);
        const fields = [...search.querySelectorAll("field")].map((f) => f.getAttribute("name"));
        assert.deepEqual(fields, ["name", "identifier", "ip"]);
        assert.notOk(search.outerHTML.includes("ssl_certificate_end_date"));
    });

    QUnit.test("every widget the views name is registered by the bundle", async (assert) => {
        const doc = new DOMParser().parseFromString(await (await fetch("/views.xml")).text(), "text/xml");
        const fieldWidgets = new Set([...doc.querySelectorAll("field[widget]")].map((f) => f.getAttribute("widget")!));
        const viewWidgets = new Set([...doc.querySelectorAll("widget[name]")].map((w) => w.getAttribute("name")!));
        assert.deepEqual([...fieldWidgets].sort(), ["iot_https_certificate_badge", "iot_https_certificate_link"]);
        for (const name of fieldWidgets) assert.ok(registry.category("fields").contains(name), name);
        assert.deepEqual([...viewWidgets], ["iot_https_certificate_panel"]);
        assert.ok(registry.category("view_widgets").contains("iot_https_certificate_panel"));
    });

    QUnit.test("the kanban block goes inside the card's root in both card layouts; the form adds no second address row", async (assert) => {
        const doc = new DOMParser().parseFromString(await (await fetch("/views.xml")).text(), "text/xml");
        const kanban = doc.querySelectorAll("record[model='ir.ui.view']")[1];
        const anchor = kanban.querySelector("xpath[position='inside']")!.getAttribute("expr")!;
        assert.ok(anchor.includes("t[@t-name='kanban-box']/*[1]") && anchor.includes("t[@t-name='card']"), anchor);
        const form = doc.querySelectorAll("record[model='ir.ui.view']")[2];
        assert.notOk(form.querySelector("field[name='ip']"), "the panel shows the address");
        assert.ok(form.querySelector("widget[name='iot_https_certificate_panel']"));
    });
});
