from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestAppsListing(HttpCase):
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

    def test_the_manifest_says_who_and_what(self):
        module = self.module()
        self.assertEqual(module.author, "iot_https_certificate")
        self.assertIn("IoT box", module.summary)
