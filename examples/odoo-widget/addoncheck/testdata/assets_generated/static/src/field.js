/** @odoo-module **/
import { WASM_VERSION } from "@assets_generated/wasm_version";
