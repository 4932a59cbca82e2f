/**
 * @odoo-module
 */
export const late = 1;
