// @odoo-module
export const fieldRegistry = registry.category("fields");
fieldRegistry.add("good_slider", {});
