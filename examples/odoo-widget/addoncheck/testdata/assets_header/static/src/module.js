/** @odoo-module **/
export const ok = 1;
