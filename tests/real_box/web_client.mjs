// What the real-box suites share: results as `npm run test:odoo` counts them, the add-on's
// panel read in the real web client, and calls to the database as the logged-in admin.
import { callKw, openOdoo } from "../../scripts/odoo.mjs";

const TIMEOUT = 60_000;

export { check } from "../check.mjs";

/**
 * The series' web client, logged in, with one box record (`ip` = its HTTPS name) and the
 * browser resolving that name to the box's loopback IP and trusting the test CA.
 */
export async function openBoxPage({ series, shape, work, box, ca }) {
    const seedPython = `import json
box = env["iot.box"].create(${JSON.stringify({ name: box.name, identifier: box.identifier, ip: box.hostname, version: box.version })})
env.cr.commit()
print("SEED " + json.dumps({"id": box.id}))
`;
    const odoo = await openOdoo({
        series, shape, work, seedPython,
        chromiumArgs: [`--host-resolver-rules=MAP ${box.hostname} ${box.ip}, MAP *.odoo-iot.com ~NOTFOUND`, `--ip-address-space-overrides=${box.ip}:443=local,${box.ip}:8069=local`],
        trustCa: ca.pem,
        allowHost: (host) => host === box.hostname || host === box.ip,
    });
    const id = odoo.seeded.id;
    const formUrl = series.name === "17.0"
        ? `http://127.0.0.1:${odoo.port}/web#id=${id}&model=iot.box&view_type=form&action=iot.iot_box_action`
        : `http://127.0.0.1:${odoo.port}/odoo/action-iot.iot_box_action/${id}`;
    return {
        ...odoo,
        id,
        /** Opens the box's form afresh (a new page, so a new first check) and waits for `state`. */
        async panel(state) {
            await odoo.page.goto("about:blank");
            await odoo.page.goto(formUrl);
            return odoo.page.waitForSelector(`.o_iot_https_panel[data-state="${state}"]`, { timeout: TIMEOUT }).catch(async (error) => {
                const shown = await odoo.page.locator(".o_iot_https_panel").getAttribute("data-state", { timeout: 1000 }).catch(() => "none");
                throw new Error(`the panel shows ${shown}, not ${state} (${error.message.split("\n")[0]})`);
            });
        },
        /** `fn`; a failure also says what the panel showed and what the record held. */
        async explained(fn) {
            try {
                await fn();
            } catch (error) {
                const panel = await odoo.page.locator(".o_iot_https_panel").innerText({ timeout: 1000 }).catch(() => "(no panel)");
                const fields = ["https_certificate_state", "https_certificate_end_date", "https_certificate_box_end_date"];
                const record = await this.rpc("read", [[id], fields]).catch((e) => e.message);
                throw new Error(`${error.message}\npanel: ${panel.replace(/\s+/g, " ").slice(0, 300)}\nrecord: ${JSON.stringify(record)}`);
            }
        },
        /** `<model>.<method>(*args)` (the box's model unless said) as the logged-in admin. */
        rpc(method, args, model = "iot.box") {
            return callKw(odoo.page, model, method, args);
        },
        /** The box's history, newest first: the bodies as text. */
        async history() {
            const messages = await this.rpc("search_read", [[["model", "=", "iot.box"], ["res_id", "=", id]], ["body"]], "mail.message");
            return messages.map((message) => message.body.replace(/<[^>]+>/g, ""));
        },
    };
}

/** Neither secret is in the page, its storage or the server's log (only counts are printed). */
export async function secretsNowhere(odoo, secrets) {
    const seen = await odoo.page.evaluate(() => document.documentElement.outerHTML + JSON.stringify({ ...localStorage }));
    return {
        inPage: secrets.filter((secret) => seen.includes(secret)).length,
        inLog: secrets.filter((secret) => odoo.log().includes(secret)).length,
    };
}
