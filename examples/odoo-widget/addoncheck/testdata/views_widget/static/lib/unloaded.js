/** @odoo-module **/
registry.category("fields").add("gocycle_unloaded", {}); // not in a bundle
