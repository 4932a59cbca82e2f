// @odoo-module alias=assets_header.fine default=false
export default 1;
