/* @odoo-module */
export const first = 1;
