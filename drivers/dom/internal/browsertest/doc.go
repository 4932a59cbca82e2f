// Package browsertest tests the DOM driver's browser backend and
// web/gocycle.js in a real browser: its tests build the app in testapp
// for GOOS=js GOARCH=wasm, serve it on 127.0.0.1 and drive a headless
// Chromium through the DevTools protocol (chromedp).
//
// The tests need Chromium (or Chrome): they find it on PATH as chromium,
// chromium-browser or google-chrome, or at the path in GOCYCLE_CHROMIUM.
// Without a browser they are skipped, unless GOCYCLE_REQUIRE_BROWSER=1
// (as `make test` sets), which makes a missing browser a failure.
//
// The package is apart from package dom so that chromedp, a test-only
// dependency, never reaches the library.
package browsertest
