from odoo.tests import TransactionCase, tagged

from .common import LIST, SERIES, make_iot_user


@tagged("at_install")
class TestBoxViews(TransactionCase):
    """The add-on's views load on the IoT app's shape of this database, as an IoT user sees them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user = make_iot_user(cls.env, "iot_views_user")
        cls.Box = cls.env["iot.box"].with_user(cls.user)

    def arch(self, view_type):
        views = self.Box.get_views([(False, view_type)])["views"]
        return views[view_type]["arch"]

    def test_list_shows_the_link_and_the_badge(self):
        arch = self.arch(LIST)
        self.assertIn('widget="iot_https_certificate_link"', arch)
        self.assertIn('widget="iot_https_certificate_badge"', arch)
        self.assertIn('js_class="iot_https_certificate_box_list"', arch)

    def test_kanban_shows_the_link_and_the_badge_on_a_line_of_their_own(self):
        arch = self.arch("kanban")
        self.assertIn('class="o_iot_https_kanban', arch)
        self.assertIn('widget="iot_https_certificate_badge"', arch)
        self.assertIn('js_class="iot_https_certificate_box_kanban"', arch)

    def test_form_shows_the_panel_to_a_user_outside_debug_mode(self):
        arch = self.arch("form")
        self.assertIn('name="iot_https_certificate_panel"', arch)
        # The panel carries the HTTPS address; no second row repeats it.
        self.assertNotIn('widget="iot_https_certificate_link"', arch)

    def test_no_view_names_a_field_some_series_lack(self):
        views = self.env["ir.model.data"].search([("module", "=", "iot_https_certificate"), ("model", "=", "ir.ui.view")])
        # The list, kanban, form and search inheritance, and the device page.
        self.assertEqual(len(views), 5)
        for view in self.env["ir.ui.view"].browse(views.mapped("res_id")):
            self.assertNotIn("ssl_certificate_end_date", view.arch_db)
            self.assertNotIn("ip_url", view.arch_db)

    def test_the_boxes_search_has_the_certificate_filters_and_grouping(self):
        arch = self.arch("search")
        for name in ("https_certificate_problem", "https_certificate_expiring", "group_by_https_certificate_state"):
            self.assertIn(f'name="{name}"', arch)

    def test_the_form_has_a_chatter_in_this_series_markup(self):
        arch = self.arch("form")
        self.assertIn("<chatter" if SERIES >= 18 else 'class="oe_chatter"', arch)

    def test_box_end_date_mirrors_what_the_box_wrote_where_the_model_has_it(self):
        box = self.env["iot.box"].create({"name": "Shop box", "ip": "192.168.1.10"})
        if "ssl_certificate_end_date" in box._fields:
            box.ssl_certificate_end_date = "2027-02-01 00:00:00"
            self.assertEqual(str(box.https_certificate_box_end_date), "2027-02-01 00:00:00")
        else:
            self.assertFalse(box.https_certificate_box_end_date)
