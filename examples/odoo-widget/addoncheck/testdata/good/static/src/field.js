/** @odoo-module **/
import { registry } from "@web/core/registry";
import { _t } from "@web/core/l10n/translation";

export const field = {
  displayName: _t("Quantity slider"),
  help: _t('It\'s ' + "joined"),
  other: _t(`A template`),
  withArgs: _t("Loading %s failed", name),
};

registry.category("fields").add("gocycle_quantity_slider", field);
