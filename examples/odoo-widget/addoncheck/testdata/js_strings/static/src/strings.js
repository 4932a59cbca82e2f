/** @odoo-module **/
import { _t } from "@web/core/l10n/translation";
// _t("in a comment: not a call")
const a = _t("In the .pot");
const b = _t('Not in the .pot');
const c = _t(`A template`);
const d = _t(label);
const e = _t(`Hello ${name}`);
const f = "_t('in a string')";
const g = this.env._t("A method" + suffix);
const h = _t();
const re = /_t\("in a regexp"\)/g;
