package addoncheck

import "regexp"

// pySpace is the class of characters that \s matches in a Python 3 str
// pattern (str.isspace): Go's \s is ASCII only.
const pySpace = `[\t-\r\x{1c}-\x{20}\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}]`

// odooModuleRE is the rule of is_odoo_module in Odoo 17's
// odoo/tools/js_transpiler.py (ODOO_MODULE_RE, applied with re.match):
// optional white space, then // or /*, the rest of that line, optional
// white space (new lines included), then @odoo-module. Its optional
// alias= and default= groups change nothing to whether it matches. So
// "/** @odoo-module **/" and "// @odoo-module" match, and so does
// "/*\n@odoo-module */", but not "/**\n * @odoo-module\n */", whose second
// line starts with "*". As in Python, "." stops at "\n" only.
var odooModuleRE = regexp.MustCompile(`\A` + pySpace + `*/(\*|/).*` + pySpace + `*@odoo-module`)

// IsOdooModule reports whether Odoo 17's asset bundler takes the content
// of a .js file for an ES module and transpiles it; any other file is
// concatenated into the bundle as is.
func IsOdooModule(content string) bool {
	return odooModuleRE.MatchString(content)
}
