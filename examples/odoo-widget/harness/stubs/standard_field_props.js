// Stand-in for @web/views/fields/standard_field_props (Odoo 17).
export const standardFieldProps = {
  id: { type: String, optional: true },
  name: { type: String },
  readonly: { type: Boolean, optional: true },
  record: { type: Object },
};
