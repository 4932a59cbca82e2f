// Package browsertest tests the HTTP driver in a real browser: its test
// builds the app in testapp for GOOS=js GOARCH=wasm, serves it on
// 127.0.0.1 together with a JSON endpoint and a fake Odoo JSON-RPC
// endpoint, and checks in headless Chromium (through chromedp) that the
// app's requests, made with fetch, come back to the DOM.
//
// The test needs Chromium (or Chrome): it finds it on PATH as chromium,
// chromium-browser or google-chrome, or at the path in GOCYCLE_CHROMIUM.
// Without a browser it is skipped, unless GOCYCLE_REQUIRE_BROWSER=1 (as
// `make test` sets), which makes a missing browser a failure.
//
// The package is apart from package http so that chromedp, a test-only
// dependency, never reaches the library.
package browsertest
