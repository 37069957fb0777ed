// Run by tests/test_web_client.py inside the real web client, logged in as an IoT user outside
// debug mode, starting on the IoT boxes list. It reads what a user reads, and ends with
// Odoo's "test successful", or a console error that names what is missing.
(async () => {
    const until = async (what, find, ms = 60000) => {
        const start = Date.now();
        for (;;) {
            const found = find();
            if (found) return found;
            if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}; badges: ${badgeStates()}`);
            await new Promise((resolve) => setTimeout(resolve, 100));
        }
    };
    const check = (ok, what) => {
        if (!ok) throw new Error(what);
    };
    const text = (el) => (el ? el.textContent : "").replace(/\s+/g, " ").trim();
    const badgeStates = () =>
        [...document.querySelectorAll(".o_iot_https_badge")].map((b) => `${text(b)} (${b.getAttribute("title")})`).join(" | ");
    const fits = (el) => el.scrollWidth <= el.clientWidth + 1;
    // The list: the link, the badge in words, the fleet summary.
    await until("two box rows", () => document.querySelectorAll(".o_list_view .o_data_row").length === 2);
    const addon = odoo.loader.modules.get("@iot_https_certificate/iot_https_certificate");
    check(addon, "the add-on's module is loaded");
    // Read once the web client runs: from 18.0, _t gives lazy strings until translations load.
    const labels = Object.values(addon.getCatalog().entries).map((entry) => String(entry.label));
    const isVerdict = (badge) => labels.includes(text(badge)) && text(badge) !== String(addon.getCatalog().entries.checking.label);

    const link = await until("the HTTPS link", () => document.querySelector(".o_data_row a.o_iot_https_link"));
    check(link.getAttribute("href") === "https://127-100-200-201.d73e7513.odoo-iot.com/", `link to ${link.getAttribute("href")}`);
    check(link.getAttribute("target") === "_blank" && link.getAttribute("rel") === "noopener noreferrer", "a new tab, no referrer");
    check(text(document.querySelectorAll(".o_data_row")[1].querySelector(".o_iot_https_link")) === "No certificate yet", "a plain IP has no link");
    await until("a verdict in words on every badge", () =>
        [...document.querySelectorAll(".o_data_row .o_iot_https_badge")].every(isVerdict) || null
    );
    const summary = document.querySelector(".o_list_view .o_iot_https_fleet");
    check(summary && /\d+ OK/.test(text(summary)), "the fleet summary above the list");

    // Every verdict the badge can show is readable in its column: Odoo fixed the widths while
    // the badges said "Checking…".
    for (const badge of document.querySelectorAll(".o_data_row .o_iot_https_badge")) {
        const cell = badge.closest("td");
        const label = badge.querySelector("span");
        const shown = label.textContent;
        const dated = [addon.expiryPhrase({ ended: true, daysAgo: 365 }), addon.expiryPhrase({ ended: false, days: 1 })].map(String);
        for (const candidate of [...labels, ...dated]) {
            label.textContent = candidate;
            check(fits(cell) && fits(badge), `"${candidate}" is cut off in a ${cell.clientWidth} px column`);
        }
        label.textContent = shown;
    }
    for (const cell of document.querySelectorAll(".o_data_row td:has(.o_iot_https_link)")) {
        check(fits(cell), `the address "${text(cell)}" is cut off`);
    }

    // The kanban: the block on a line of its own, below the box's name, nothing cut off.
    document.querySelector(".o_switch_view.o_kanban").click();
    const cards = await until("two kanban cards with the block", () => {
        const found = document.querySelectorAll(".o_kanban_record:has(.o_iot_https_kanban)");
        return found.length === 2 ? [...found] : null;
    });
    for (const card of cards) {
        const block = card.querySelector(".o_iot_https_kanban");
        const name = [...card.querySelectorAll("*")].find((el) => !el.children.length && /box$/.test(text(el)));
        check(name, "the card shows the box's name");
        check(block.getBoundingClientRect().top >= name.getBoundingClientRect().bottom - 1, "the block sits below the name");
        check(block.getBoundingClientRect().width >= 0.8 * card.getBoundingClientRect().width - 40, "the block spans the card");
        for (const badge of block.querySelectorAll(".o_iot_https_badge")) check(fits(badge), `badge "${text(badge)}" cut off`);
    }
    check(document.querySelector(".o_kanban_view .o_iot_https_fleet"), "the fleet summary above the kanban");

    // The form: the panel, with the address as a link, for a user who never sees `ip` on 19.0.
    [...document.querySelectorAll(".o_kanban_record")].find((card) => text(card).includes("Shop box")).click();
    const panel = await until("the diagnosis panel", () => document.querySelector(".o_form_view .o_iot_https_panel"));
    const address = panel.querySelector(".o_iot_https_address a.o_iot_https_link");
    check(address && address.getAttribute("href") === "https://127-100-200-201.d73e7513.odoo-iot.com/", "the panel links the HTTPS address");
    check(text(panel.querySelector(".o_iot_https_title")).length > 10, "the panel says the state in words");
    check(panel.querySelector(".o_iot_https_check_now"), "Check now");
    const rows = [...document.querySelectorAll(".o_form_view .o_field_widget")].filter((el) => text(el) === "127-100-200-201.d73e7513.odoo-iot.com");
    check(rows.length <= 1, "no second row repeats the address");
    console.log("test successful");
})().catch((error) => console.error(`web client check failed: ${error.message}`));
