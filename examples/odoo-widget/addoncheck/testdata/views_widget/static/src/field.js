/** @odoo-module **/
import { registry } from "@web/core/registry";
registry.category("fields").add("gocycle_quantity_slider", {});
// registry.category("fields").add("gocycle_weight_slider", {});
registry.category("views").add("gocycle_weight_slider", {});
