from odoo import fields, models


class GocycleDemoPerson(models.Model):
    """A person whose height and weight are edited with the gocycle quantity
    slider. The values are stored in centimeters and kilograms whatever the
    user's language: the widget only changes how they are shown, so the
    labels name no unit (a user in the US sees feet and inches)."""

    _name = "gocycle.demo.person"
    _description = "gocycle demo person"

    name = fields.Char(required=True)
    height_cm = fields.Float(string="Height", digits=(6, 2), default=170.0, help="Stored in centimeters.")
    weight_kg = fields.Float(string="Weight", digits=(6, 2), default=70.0, help="Stored in kilograms.")
