// Package e2e holds Tallyscope's end-to-end tests; it has no code of its
// own beyond this comment.
//
// The browser tests build the WebAssembly app once per test binary with
// package web, serve it from 127.0.0.1, and drive Debian's headless
// Chromium with chromedp: the text preview, the first frame, a scenario
// changed with the keyboard and with a pointer drag, a reload from the
// URL fragment, the real V2 file dropped on the canvas, and the app
// embedded with its own snippet in a long article from another origin (no
// scroll, no focus, the app requested only when scrolled near, the
// frame's height following what the page reports). They read the app's
// state through its test hook, window.tallyscope.state(), which
// returns JSON. They write screenshots at phone and desktop sizes, and the
// measured sizes and timings, to build/e2e at the module root, for a
// person to look at.
//
// The desktop test starts cmd/tallyscope-desktop under Xvfb, takes a
// screenshot of the screen with ImageMagick's import, and checks that it
// is not blank.
//
// Tests skip with a message saying what to install when Chromium, Xvfb or
// ImageMagick is missing, and the V2 drop skips when ../shared/data is
// absent. On Debian: apt-get install chromium xvfb xauth imagemagick.
//
// Run them with:
//
//	go test ./internal/e2e -v
//
// Set TALLYSCOPE_CHROMIUM to use another browser binary, and
// TALLYSCOPE_WASM_PACKAGE to build another main package than ./wasm.
package e2e
