// Stand-in for @web/core/l10n/translation (Odoo 17): _t(term, ...values)
// returns the term, with %s replaced by the values in order, as Odoo's
// does for a language without a translation of the term.
export function _t(term, ...values) {
  let i = 0;
  return values.length === 0 ? term : term.replace(/%s/g, () => String(values[i++]));
}
