from odoo.tests import tagged

from .common import SERIES, AddonHttpCase, page_check

# The Apps menu as an administrator finds the add-on: the default "Apps" filter removed (the
# add-on is not an application), its name searched; its card shows its own icon.
APPS_KANBAN_CHECK = page_check("Apps kanban check", """
    const input = await until("the search input", () => document.querySelector(".o_searchview_input"));
    for (const remove of document.querySelectorAll(".o_searchview_facet .o_facet_remove")) remove.click();
    await until("no filter left", () => !document.querySelector(".o_searchview_facet") || null);
    input.value = "IoT Box HTTPS";
    input.dispatchEvent(new Event("input", { bubbles: true }));
    await until("the search proposals", () => document.querySelector(".o_searchview_autocomplete li, .o_searchview_autocomplete .o-dropdown-item"));
    input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    const card = await until("the add-on's card", () => [...document.querySelectorAll(".o_kanban_record")].find((c) => text(c).includes("IoT Box HTTPS Certificate")));
    const icon = card.querySelector("img");
    if (!icon || !icon.getAttribute("src").endsWith("/iot_https_certificate/static/description/icon.png")) throw new Error("icon: " + (icon && icon.getAttribute("src")));
    await until("the icon drawn, 256 px", () => (icon.complete && icon.naturalWidth === 256) || null);
""")

# The add-on's page in Apps: its description with its three screenshots drawn.
APPS_FORM_CHECK = page_check("Apps description check", """
    const description = await until("the description", () => [...document.querySelectorAll(".o_form_view .o_field_html, .o_form_view [name=description_html]")].find((el) => text(el).includes("Check the shop's tablet or phone")));
    const images = [...description.querySelectorAll("img")];
    const names = images.map((img) => img.getAttribute("src").split("/").pop()).sort().join(",");
    if (names !== "device_check.png,form.png,list.png") throw new Error("images: " + names);
    await until("the screenshots drawn", () => images.every((img) => img.complete && img.naturalWidth > 300) || null);
    if (description.querySelector("script")) throw new Error("a script in the description");
""")


@tagged("post_install", "-at_install")
class TestAppsListing(AddonHttpCase):
    """What the Apps menu shows of the add-on: its own icon and its description page."""

    def module(self):
        return self.env["ir.module.module"].search([("name", "=", "iot_https_certificate")])

    def test_the_icon_is_the_add_ons_own(self):
        module = self.module()
        self.assertEqual(module.icon, "/iot_https_certificate/static/description/icon.png")
        self.assertTrue(module.icon_image, "the icon file is read")
        answer = self.url_open(module.icon)
        self.assertEqual(answer.status_code, 200)
        png = answer.content
        self.assertEqual(png[:8], b"\x89PNG\r\n\x1a\n")
        self.assertEqual((int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")), (256, 256))
        generic = self.url_open("/base/static/description/icon.png").content
        self.assertNotEqual(png, generic, "not the generic base icon")

    def test_the_description_page_shows_what_it_does_with_its_screenshots(self):
        html = self.module().description_html
        self.assertIn("Check the shop's tablet or phone", html)
        self.assertNotIn("<script", html)
        for image in ("list.png", "form.png", "device_check.png"):
            src = f"/iot_https_certificate/static/description/{image}"
            self.assertIn(f'src="{src}"', html, "Odoo points the relative path to static/description/")
            answer = self.url_open(src)
            self.assertEqual((answer.status_code, answer.content[:4]), (200, b"\x89PNG"), image)
        # No outside link but Odoo's documentation.
        import re

        for href in re.findall(r'href="([^"]+)"', html):
            self.assertTrue(href.startswith("https://www.odoo.com/documentation/"), href)

    def test_apps_shows_the_card_with_its_icon(self):
        url = "/odoo/action-base.open_module_tree" if SERIES >= 18 else "/web#action=base.open_module_tree"
        self.browser_js(url, APPS_KANBAN_CHECK, "", login="admin", timeout=300)

    def test_apps_shows_the_description_page(self):
        module_id = self.module().id
        url = f"/odoo/action-base.open_module_tree/{module_id}" if SERIES >= 18 else f"/web#id={module_id}&model=ir.module.module&view_type=form&action=base.open_module_tree"
        self.browser_js(url, APPS_FORM_CHECK, "", login="admin", timeout=300)

    def test_the_manifest_says_who_and_what(self):
        module = self.module()
        self.assertEqual(module.author, "iot_https_certificate")
        self.assertIn("IoT box", module.summary)
