// Written by a build, without the module comment.
export const WASM_VERSION = "0123456789abcdef";
