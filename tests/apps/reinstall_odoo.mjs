// Uninstall, then install again, in a real Odoo of each series: nothing of the add-on is left
// behind (fields and their columns, the scheduled action, the activity types, the views and the
// device page's template, its asset bundle, its translations), and everything comes back.
import assert from "node:assert/strict";
import { join } from "node:path";
import { dropDatabase, freePort, odooArgs, startOdoo } from "../../scripts/odoo.mjs";
import { check } from "../check.mjs";

// What the add-on brings, counted in the database (run in `odoo-bin shell`).
const INVENTORY = `import json
cr = env.cr
def count(sql, *args):
    cr.execute(sql, args)
    return cr.fetchone()[0]
found = {
    "fields": count("SELECT count(*) FROM ir_model_fields WHERE model = 'iot.box' AND (name LIKE 'https_certificate%%' OR name LIKE 'https_device%%')"),
    "columns": count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'iot_box' AND (column_name LIKE 'https_certificate%%' OR column_name LIKE 'https_device%%')"),
    "crons": count("SELECT count(*) FROM ir_cron c JOIN ir_act_server s ON s.id = c.ir_actions_server_id WHERE s.code LIKE '%%_cron_https_certificate_daily%%'"),
    "activity types": count("SELECT count(*) FROM ir_model_data WHERE module = 'iot_https_certificate' AND model = 'mail.activity.type'"),
    "views": count("SELECT count(*) FROM ir_ui_view WHERE key LIKE 'iot_https_certificate.%%' OR id IN (SELECT res_id FROM ir_model_data WHERE module = 'iot_https_certificate' AND model = 'ir.ui.view')"),
    "external ids": count("SELECT count(*) FROM ir_model_data WHERE module = 'iot_https_certificate'"),
    "external id names": sorted(r[0] for r in (cr.execute("SELECT model || ':' || name FROM ir_model_data WHERE module = 'iot_https_certificate'") or cr.fetchall())),
    "installed": count("SELECT count(*) FROM ir_module_module WHERE name = 'iot_https_certificate' AND state = 'installed'"),
}
print("INVENTORY " + json.dumps(found))
`;
const UNINSTALL = `env["ir.module.module"].search([("name", "=", "iot_https_certificate")]).button_immediate_uninstall()
env.cr.commit()
print("UNINSTALLED")
`;

export async function runReinstall({ series, shape, work }) {
    const results = [];
    const named = (name) => `reinstall ${series.name} > ${name}`;
    const db = `iot_https_reinstall_${series.name.replace(".", "")}_${process.pid}`;
    const home = join(work, `home-${db}`);
    const [bin, ...options] = odooArgs(series, shape, work, db, await freePort());
    const shellOptions = options.filter((option) => !option.startsWith("--http"));
    const shell = async (python) => startOdoo([bin, "shell", ...shellOptions], home, { input: python }).done;
    const inventory = async () => {
        const log = await shell(INVENTORY);
        const line = /^INVENTORY (\{.*\})$/m.exec(log);
        if (!line) throw new Error(`no inventory:\n${log.split("\n").slice(-12).join("\n")}`);
        return JSON.parse(line[1]);
    };
    const install = async () => {
        const log = await startOdoo([bin, ...options, "-i", "iot_https_certificate", "--stop-after-init"], home).done;
        if (!/modules loaded/i.test(log) || / (ERROR|CRITICAL) /.test(log)) throw new Error(`install:\n${log.split("\n").filter((l) => / (ERROR|CRITICAL) /.test(l)).slice(0, 8).join("\n")}`);
    };
    try {
        await install();
        const first = await inventory();
        await check(results, named("installed: every field, column, action, activity type and view is there"), async () => {
            assert.equal(first.installed, 1);
            for (const [what, n] of Object.entries(first)) assert.ok(Array.isArray(n) ? n.length : n > 0, `${what}: ${n}`);
        });
        const uninstalled = await shell(UNINSTALL);
        await check(results, named("uninstalled: nothing is left behind"), async () => {
            assert.match(uninstalled, /^UNINSTALLED$/m, uninstalled.split("\n").slice(-12).join("\n"));
            const left = await inventory();
            assert.deepEqual(left, Object.fromEntries(Object.keys(first).map((what) => [what, what === "external id names" ? [] : 0])));
        });
        await install();
        await check(results, named("installed again: everything is back"), async () => {
            const again = await inventory();
            const { "external id names": before, "external ids": _n, ...counts } = first;
            const { "external id names": after, "external ids": _m, ...countsAgain } = again;
            assert.deepEqual(countsAgain, counts);
            // Every external id is back. A mail mixin's field that another module (sms) claimed
            // when it was installed in the same run as the add-on is the add-on's own this time.
            assert.deepEqual(before.filter((name) => !after.includes(name)), []);
            assert.deepEqual(after.filter((name) => !before.includes(name) && !/^ir\.model\.fields:field_iot_box__(message|activity|website_message|has_message)/.test(name)), []);
        });
    } catch (error) {
        results.push({ name: named("setup"), status: "failed", errors: [String(error?.message ?? error).split("\n").slice(0, 10).join("\n      ")] });
    } finally {
        dropDatabase(db);
    }
    return results;
}
