"""The addon as the apps list and the module loader see it."""

from odoo.tests import TransactionCase, tagged
from odoo.modules.module import get_manifest


@tagged("post_install", "-at_install")
class TestModule(TransactionCase):
    def test_update_apps_list(self):
        """Apps → Update Apps List reads every manifest on the addons path
        and writes it to ir.module.module: a value Odoo does not accept
        (a license, say) fails it for every module."""
        self.env["ir.module.module"].update_list()
        module = self.env["ir.module.module"].search([("name", "=", "gocycle_widgets")])
        self.assertEqual(module.state, "installed")
        self.assertEqual(module.license, get_manifest("gocycle_widgets")["license"])

    def test_demo_menu_is_restricted(self):
        menu = self.env.ref("gocycle_widgets.gocycle_demo_menu_root")
        self.assertEqual(menu.groups_id, self.env.ref("gocycle_widgets.group_demo"))
        user = self.env["res.users"].create({"name": "Plain", "login": "gocycle_plain", "groups_id": [(6, 0, [self.env.ref("base.group_user").id])]})
        visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
        self.assertNotIn(menu.id, visible)
