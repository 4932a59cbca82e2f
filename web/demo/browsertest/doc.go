// Package browsertest tests the demo page (web/static/index.html with the
// app of web/demo) in headless Chromium: its tests build the demo for
// GOOS=js GOARCH=wasm, serve the page on 127.0.0.1 and drive the browser
// through the DevTools protocol (chromedp), as a user would: the keyboard
// on a slider, the language selector.
//
// The tests need Chromium (or Chrome), found as drivers/dom's browser
// tests find it: chromium, chromium-browser or google-chrome on PATH, or
// the path in GOCYCLE_CHROMIUM. Without one they are skipped, unless
// GOCYCLE_REQUIRE_BROWSER=1, which makes that a failure.
//
// TestDemoScreenshots writes docs/demo-en.png and docs/demo-es.png when
// GOCYCLE_SCREENSHOTS names the directory to write them to; `make
// demo-screenshots` runs it.
package browsertest
