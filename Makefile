# gocycle: `make run` builds the wasm and serves the demo on 127.0.0.1;
# `make test` runs everything CI runs.

GO       ?= go
GOROOT   := $(shell $(GO) env GOROOT)
WASM_DIR := $(GOROOT)/lib/wasm
BUILD    := web/static/build
JSBENCH  := examples/jsbench/web
# The file make bench writes; internal/bench/run.sh reads OUT too.
OUT      ?= BENCHMARKS.md
ADDR     ?= 127.0.0.1:8080
# Packages whose tests also run compiled to wasm, under Node. Node has no
# document: the DOM driver's browser tests (drivers/dom/internal/browsertest)
# run natively, driving Chromium, and are excluded there by build tags.
WASM_TEST_PKGS := ./cycle/... ./drivers/... ./components/... ./web/demo ./units/... ./interop/... ./examples/goapp ./web/widget ./examples/odoo-widget/...

.PHONY: all run wasm test test-native test-wasm test-browser browser lint bench bench-compare bench-instructions bench-dom run-jsbench run-goapp size check-node clean units-data demo-screenshots odoo-addon odoo-harness odoo-test xstream-oracle

all: test

## run: build the wasm demo and serve it on http://$(ADDR)/
run: wasm
	$(GO) run ./web/devserver -addr $(ADDR) -dir web/static

## wasm: build web/static/build/demo.wasm and copy wasm_exec.js and gocycle.js beside it
wasm:
	@mkdir -p $(BUILD)
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags="-s -w" -o $(BUILD)/demo.wasm ./web/demo
	cp $(WASM_DIR)/wasm_exec.js $(BUILD)/wasm_exec.js
	cp web/gocycle.js $(BUILD)/gocycle.js

## demo-screenshots: the demo page in English (US) and Spanish, in headless
## Chromium, as docs/demo-en.png and docs/demo-es.png
demo-screenshots: browser
	@mkdir -p docs
	GOCYCLE_REQUIRE_BROWSER=1 GOCYCLE_SCREENSHOTS=$(CURDIR)/docs $(GO) test -count=1 -run TestDemoScreenshots -v ./web/demo/browsertest

## test: lint, native tests with the race detector, wasm tests under Node
test: lint test-native test-wasm wasm odoo-addon

# The browser tests skip without Chromium; GOCYCLE_REQUIRE_BROWSER=1 makes
# that a failure here, so `make test` never passes without them.
# GOCYCLE_REQUIRE_CLDR=1 and GOCYCLE_REQUIRE_NODE=1: the units tests that
# regenerate the CLDR tables and compare with Intl in Node fail, not skip.
# The addon is built first: examples/odoo-widget/addoncheck checks the
# files the build writes (GOCYCLE_REQUIRE_ADDON_BUILD=1) and reads the
# manifest with python3 (GOCYCLE_REQUIRE_PYTHON=1). The tests that need a
# real Odoo (examples/odoo-widget/odootest) skip here: CI has none; see
# odoo-test.
test-native: browser units-data odoo-harness xstream-oracle check-node odoo-addon
	GOCYCLE_REQUIRE_BROWSER=1 GOCYCLE_REQUIRE_CLDR=1 GOCYCLE_REQUIRE_NODE=1 GOCYCLE_REQUIRE_PYTHON=1 GOCYCLE_REQUIRE_ADDON_BUILD=1 $(GO) test -race -count=1 ./...

## test-browser: only the tests in headless Chromium (the DOM driver's, the demo page's)
test-browser: browser odoo-harness
	GOCYCLE_REQUIRE_BROWSER=1 $(GO) test -count=1 -v ./drivers/dom/internal/browsertest ./web/demo/browsertest ./examples/goapp ./examples/odoo-widget/browsertest

## browser: install Debian's Chromium if it is missing (needs root and apt)
browser:
	@command -v chromium >/dev/null || command -v chromium-browser >/dev/null || command -v google-chrome >/dev/null || \
		[ -n "$$GOCYCLE_CHROMIUM" ] || \
		(apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium)

test-wasm: check-node units-data
	GOOS=js GOARCH=wasm $(GO) test -count=1 -exec="$(WASM_DIR)/go_js_wasm_exec" $(WASM_TEST_PKGS)

## lint: gofmt must have nothing to say; go vet natively and for js/wasm
lint:
	@out="$$(gofmt -l $$(git ls-files '*.go') 2>/dev/null)"; \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet $(WASM_TEST_PKGS)

## bench: stream benchmarks against rxgo, native and wasm, then the DOM
## benchmark (bench-dom) and the start-up of the demo page and of 50
## widgets in headless Chromium (internal/bench/startup); each rewrites
## only its own section of BENCHMARKS.md. Last, the differential test
## against xstream on 20000 cases instead of the 400 of make test
## (GOCYCLE_XSTREAM_CASES; see cycle/stream/internal/xstreamdiff).
bench: check-node browser xstream-oracle
	bash internal/bench/run.sh
	bash internal/bench/rxstream.sh
	$(MAKE) --no-print-directory bench-dom
	$(GO) run ./internal/bench/startup -out $(OUT)
	GOCYCLE_REQUIRE_NODE=1 GOCYCLE_XSTREAM_CASES=20000 $(GO) test -count=1 -run TestAgainstXstream ./cycle/stream/internal/xstreamdiff

## bench-compare: the stream benchmarks of this checkout against those of
## BASE (a commit, default HEAD), alternating in one run (internal/bench/compare.sh)
bench-compare:
	BASE=$(BASE) bash internal/bench/compare.sh

## bench-instructions: the instructions per value of the stream benchmarks
## (valgrind's callgrind) of this checkout and of BASE (internal/bench/instructions.sh)
bench-instructions:
	BASE=$(BASE) bash internal/bench/instructions.sh

## bench-dom: examples/jsbench against vanilla JavaScript in headless Chromium;
## updates the jsbench section of BENCHMARKS.md ($(OUT)); JSBENCH_FLAGS go to
## the driver (-runs 20, -ops create1k,swap, -v)
bench-dom: browser
	$(GO) run ./examples/jsbench/bench -out $(OUT) $(JSBENCH_FLAGS)

## run-jsbench: build examples/jsbench and serve it on http://$(ADDR)/
run-jsbench:
	@mkdir -p $(JSBENCH)/build
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags="-s -w" -o $(JSBENCH)/build/jsbench.wasm ./examples/jsbench
	cp $(WASM_DIR)/wasm_exec.js web/gocycle.js $(JSBENCH)/build/
	$(GO) run ./web/devserver -addr $(ADDR) -dir $(JSBENCH)

## size: raw, gzip and brotli size of the built wasm; units' size section of BENCHMARKS.md
size: wasm odoo-addon check-node
	bash internal/tools/size.sh $(BUILD)/demo.wasm
	bash units/internal/sizereport/run.sh
	bash examples/goapp/size.sh
	bash examples/odoo-widget/sizereport.sh $(ADDON)/static/wasm/widgets.wasm

## units-data: install the pinned CLDR npm packages read by `go generate ./units`
## and the units tests (npm ci, only when missing or package-lock.json changed)
UNITS_GEN := units/internal/gen
units-data: $(UNITS_GEN)/node_modules/.units-data-stamp
$(UNITS_GEN)/node_modules/.units-data-stamp: $(UNITS_GEN)/package.json $(UNITS_GEN)/package-lock.json
	npm ci --prefix $(UNITS_GEN) --ignore-scripts --no-audit --no-fund
	touch $@

## odoo-addon: build widgets.wasm into examples/odoo-widget/gocycle_widgets
## (static/wasm/, beside its gzip copy widgets.wasm.gz, with wasm_exec.js
## and gocycle.js in static/lib/ and the module's content hash in
## static/src/wasm_version.js) and zip the addon as build/gocycle_widgets.zip
# widgets.wasm.gz is gzip -9 -n: no name or time stamp in the header, so
# the same widgets.wasm and gzip give the same bytes. GoCycle.load(url,
# {gzip}) inflates it in the page (Odoo serves static files uncompressed).
# wasm_version.js must start with the /** @odoo-module **/ line: without
# it Odoo 17 pastes the file into the asset bundle as a plain script, and
# its export breaks the whole bundle.
ADDON := examples/odoo-widget/gocycle_widgets
odoo-addon:
	@mkdir -p $(ADDON)/static/wasm $(ADDON)/static/lib build
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags="-s -w" -o $(ADDON)/static/wasm/widgets.wasm ./examples/odoo-widget/wasm
	gzip -9 -n -k -f $(ADDON)/static/wasm/widgets.wasm
	cp $(WASM_DIR)/wasm_exec.js $(ADDON)/static/lib/wasm_exec.js
	cp web/gocycle.js $(ADDON)/static/lib/gocycle.js
	printf '/** @odoo-module **/\n// Written by make odoo-addon: the content hash of static/wasm/widgets.wasm,\n// static/lib/gocycle.js and wasm_exec.js, which the field component puts in\n// the URLs it loads (cache busting: Odoo caches static files for a week).\nexport const WASM_VERSION = "%s";\n' \
		"$$(cat $(ADDON)/static/wasm/widgets.wasm $(ADDON)/static/lib/gocycle.js $(ADDON)/static/lib/wasm_exec.js | sha256sum | cut -c1-16)" >$(ADDON)/static/src/wasm_version.js
	rm -f build/gocycle_widgets.zip
	cd examples/odoo-widget && python3 -c 'import os, sys, zipfile; z = zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED); [z.write(os.path.join(d, f)) for d, _, fs in sorted(os.walk("gocycle_widgets")) for f in sorted(fs) if f != ".gitignore" and "__pycache__" not in d]; z.close()' ../../build/gocycle_widgets.zip
	@echo "built build/gocycle_widgets.zip"

## odoo-test: the addon's own tests (gocycle_widgets/tests: tours in the
## real web client) and its install on an existing database, in the real
## Odoo 17 that ODOO_BIN points to (with ODOO_PYTHON, ODOO_ADDONS_PATH,
## ODOO_ARGS; see examples/odoo-widget/odootest). Without ODOO_BIN the
## tests skip and say so.
odoo-test: odoo-addon
	@[ -n "$$ODOO_BIN" ] || echo "odoo-test: ODOO_BIN is not set, so the tests below skip: point it to an Odoo 17 odoo-bin to run them (see examples/odoo-widget/gocycle_widgets/README.md)"
	$(GO) test -count=1 -v -timeout 30m ./examples/odoo-widget/odootest

## odoo-harness: install the pinned npm packages of the OWL harness
## (@odoo/owl, esbuild) that the addon's browser tests bundle with
## (npm ci, only when missing or package-lock.json changed)
HARNESS := examples/odoo-widget/harness
odoo-harness: $(HARNESS)/node_modules/.odoo-harness-stamp
$(HARNESS)/node_modules/.odoo-harness-stamp: $(HARNESS)/package.json $(HARNESS)/package-lock.json
	npm ci --prefix $(HARNESS) --ignore-scripts --no-audit --no-fund
	touch $@

## xstream-oracle: install xstream 11.14.0, the oracle of cycle/stream's
## differential test (cycle/stream/internal/xstreamdiff; `make bench` runs
## it on 20000 cases) (npm ci, only when missing or package-lock.json changed)
XSTREAM_ORACLE := cycle/stream/internal/xstreamdiff/js
xstream-oracle: $(XSTREAM_ORACLE)/node_modules/.xstream-oracle-stamp
$(XSTREAM_ORACLE)/node_modules/.xstream-oracle-stamp: $(XSTREAM_ORACLE)/package.json $(XSTREAM_ORACLE)/package-lock.json
	npm ci --prefix $(XSTREAM_ORACLE) --ignore-scripts --no-audit --no-fund
	touch $@

check-node:
	@command -v node >/dev/null || { echo "node is needed to run Go's wasm tests (go_js_wasm_exec); install Node.js"; exit 1; }

## run-goapp: build examples/goapp (go-app hosting a gocycle widget) and
## serve it with go-app's handler on http://$(ADDR)/
GOAPP := examples/goapp/build
run-goapp:
	@mkdir -p $(GOAPP)/web
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags="-s -w" -o $(GOAPP)/web/app.wasm ./examples/goapp
	cp web/gocycle.js $(GOAPP)/web/gocycle.js
	$(GO) run ./examples/goapp -addr $(ADDR) -dir $(GOAPP) -wasm-exec $(WASM_DIR)/wasm_exec.js

clean:
	rm -rf $(BUILD) $(JSBENCH)/build $(GOAPP) build/gocycle_widgets.zip $(ADDON)/static/wasm/widgets.wasm $(ADDON)/static/wasm/widgets.wasm.gz $(ADDON)/static/lib/*.js $(ADDON)/static/src/wasm_version.js
