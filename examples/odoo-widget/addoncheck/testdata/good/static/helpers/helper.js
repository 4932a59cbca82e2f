
  /*
@odoo-module */
export const helper = 1;
