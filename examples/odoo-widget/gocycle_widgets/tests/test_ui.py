"""The quantity slider in the real web client: HttpCase tests that run
the tours of static/tests/tours/quantity_slider_tours.js in Odoo's test
browser and read back through the ORM what the form saved."""

from contextlib import contextmanager
from unittest.mock import patch

from odoo.tests import HttpCase, tagged
from odoo.tests.common import ChromeBrowser

# A tour step asks for a key press with console.info("gocycle-test:key
# ArrowRight"): a KeyboardEvent made in JavaScript is not trusted and
# does not move a range input, so the test presses the key through the
# DevTools protocol, as a user's keyboard would.
KEY = "gocycle-test:key "

# The DevTools names of the keys the tours press.
KEYS = {
    "ArrowRight": {"key": "ArrowRight", "code": "ArrowRight", "windowsVirtualKeyCode": 39},
    "ArrowLeft": {"key": "ArrowLeft", "code": "ArrowLeft", "windowsVirtualKeyCode": 37},
}


@contextmanager
def real_keys():
    """Answer the tours' key requests with real key events."""
    original = ChromeBrowser._handle_console

    def handle_console(self, type, args=None, stackTrace=None, **kw):  # pylint: disable=redefined-builtin
        first = args and args[0].get("value")
        if isinstance(first, str) and first.startswith(KEY):
            key = KEYS[first[len(KEY):]]
            for event in ("keyDown", "keyUp"):
                self._websocket_send("Input.dispatchKeyEvent", params={"type": event, **key})
        return original(self, type, args=args, stackTrace=stackTrace, **kw)

    with patch.object(ChromeBrowser, "_handle_console", handle_console):
        yield


@tagged("post_install", "-at_install")
class TestQuantitySliderUI(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Person = cls.env["gocycle.demo.person"]

    def form_url(self, person, action=None):
        url = f"/web#model=gocycle.demo.person&id={person.id}&view_type=form"
        if action:
            url += f"&action={action.id}"
        return url

    def tour(self, person, name, action=None, login="admin"):
        with real_keys():
            self.start_tour(self.form_url(person, action), name, login=login)
        person.invalidate_recordset()

    def test_keyboard_move_is_saved_in_the_canonical_unit(self):
        person = self.Person.create({"name": "Keyboard", "height_cm": 170.0, "weight_kg": 70.0})
        self.tour(person, "gocycle_quantity_slider_keyboard")
        # 67.5 in, stored in centimeters exactly.
        self.assertEqual(person.height_cm, 171.45)
        self.assertEqual(person.weight_kg, 70.0, "a field the user did not touch is not written")

    def test_reload_right_after_a_move_keeps_it(self):
        person = self.Person.create({"name": "Reload", "height_cm": 170.0})
        self.tour(person, "gocycle_quantity_slider_reload")
        self.assertEqual(person.height_cm, 171.45)

    def test_spanish_labels_units_and_decimal_comma(self):
        self.env["res.lang"]._activate_lang("es_ES")
        self.env["ir.module.module"].search([("name", "=", "gocycle_widgets")])._update_translations(["es_ES"])
        self.env.ref("base.user_admin").lang = "es_ES"
        person = self.Person.create({"name": "Ana", "height_cm": 170.0, "weight_kg": 69.5})
        self.tour(person, "gocycle_quantity_slider_es")
        self.assertEqual((person.height_cm, person.weight_kg), (170.0, 69.5), "showing in Spanish writes nothing")

    def test_stored_value_out_of_range_is_shown_and_not_written(self):
        person = self.Person.create({"name": "Zero", "height_cm": 0.0})
        self.tour(person, "gocycle_quantity_slider_out_of_range")
        self.assertEqual(person.name, "Zero, saved")
        self.assertEqual(person.height_cm, 0.0, "a value only shown is never written, even out of range")

    def test_second_form_of_the_same_record(self):
        person = self.Person.create({"name": "Second form", "height_cm": 170.0})
        action = self.env.ref("gocycle_widgets.gocycle_demo_person_action")
        self.tour(person, "gocycle_quantity_slider_second_form", action=action)
        # 68 in.
        self.assertEqual(person.height_cm, 172.72)

    def form_action(self, name, fields):
        """An action that opens a form of its own, with these fields."""
        view = self.env["ir.ui.view"].create({
            "name": f"gocycle.demo.person.form.{name}",
            "model": "gocycle.demo.person",
            "type": "form",
            "priority": 99,
            "arch": f"<form><group>{fields}</group></form>",
        })
        return self.env["ir.actions.act_window"].create({
            "name": name,
            "res_model": "gocycle.demo.person",
            "view_mode": "form",
            "view_id": view.id,
        })

    def test_bad_option_marks_the_field_invalid_and_writes_nothing(self):
        action = self.form_action("bad_unit", """
            <field name="name"/>
            <field name="height_cm" widget="gocycle_quantity_slider" options="{'unit': 'centimetre'}"/>""")
        person = self.Person.create({"name": "Bad option", "height_cm": 170.0})
        self.tour(person, "gocycle_quantity_slider_bad_option", action=action)
        self.assertEqual((person.name, person.height_cm), ("Bad option", 170.0))

    def test_readonly_is_text_and_every_input_has_a_name(self):
        action = self.form_action("readonly", """
            <field name="name"/>
            <field name="height_cm" readonly="1" widget="gocycle_quantity_slider"
                   options="{'unit': 'centimeter', 'usage': 'person-height', 'min': 50, 'max': 250}"/>
            <field name="weight_kg" nolabel="1" widget="gocycle_quantity_slider"
                   options="{'unit': 'kilogram', 'min': 2, 'max': 250}"/>""")
        person = self.Person.create({"name": "Read-only", "height_cm": 179.07, "weight_kg": 69.5})
        self.tour(person, "gocycle_quantity_slider_readonly", action=action)
        self.assertEqual((person.height_cm, person.weight_kg), (179.07, 69.5))

    def test_arabic_is_right_to_left(self):
        self.env["res.lang"]._activate_lang("ar_001")
        self.env.ref("base.user_admin").lang = "ar_001"
        person = self.Person.create({"name": "RTL", "height_cm": 179.07})
        self.tour(person, "gocycle_quantity_slider_rtl")
        self.assertEqual(person.height_cm, 179.07)
