// Package ui is Tallyscope's interactive visualizer, drawn with
// Ebitengine. It is the only package that imports Ebitengine; the model
// (package app), the views laid out (package view) and the strings (package
// i18n) are pure Go and tested without a display.
//
// Two thin programs run it: wasm/ in the browser and cmd/tallyscope-desktop
// on the desktop. Both fill a Config and call Run:
//
//	type Config struct {
//		Data     []byte // a results file in any format sim/load reads; nil: the embedded default
//		DataName string // its name, for messages
//		Lang     string // "en", "es" or a tag such as "es-VE"; "" picks English
//		Fragment string // a URL fragment written by the app ("view=units&s=s1.…")
//		DataErr  error  // a problem fetching Data, shown on screen
//		Mapping     []byte // optional mapping file naming a CSV's columns
//		MappingName string
//		Save func(app.SaveRequest) (base string, err error) // desktop only
//	}
//	func Run(cfg Config) error
//
// A Config whose Data does not load still opens, on the default data,
// with the error on screen.
//
// Save is the desktop's "Save chart" (and Ctrl+S): cmd/tallyscope-desktop
// sets it to a function that draws the current view with package chart
// (Overview: shares, Scenario: break-even, Regions: regions, Uncertainty:
// Monte Carlo, Tables: fingerprint) and writes BASE.png and BASE.csv. This
// package never imports package chart, so the browser build stays free of
// gonum/plot; without Save (the browser) the control and its key are
// absent. The hook runs on its own goroutine and its answer, files or
// error, becomes the status line.
//
// The game is a thin adapter: Update turns input into app.Action values in
// one place (input.go), applies them, recomputes only what they
// invalidated, and rebuilds the layout only when the state's version or the
// window size changed; Draw paints the cached layout and does nothing when
// nothing changed (the screen is not cleared every frame). The scatter of
// units is drawn once into an offscreen layer with batched DrawTriangles
// calls (at most 16,384 quads each, for 16-bit indices) and blitted. The
// Map view's areas are filled into an offscreen layer too (maplayer.go):
// their triangles are built once per geometry and placement, and a
// recolour refills them with one draw call per colour class (the even-odd
// fill rule cannot mix colours in one call) under borders drawn once.
//
// Config.Geo is a boundaries file for the data's map (the page's geo=,
// the desktop's --geo, or the file the data's mapping names:
// MappingGeometry); the default data's map is the embedded states
// (assets.VenezuelaStates).
//
// In the browser, platform_js.go (the one file that imports syscall/js)
// provides the page's address and language, opens links in a new tab,
// writes the URL fragment, copies to the clipboard, opens a file picker and
// publishes the test hook:
//
//	window.tallyscope.state() // JSON: {"ready":true,"frames":N,"lang":"en",
//	  "data":{"name":...,"units":25073,"rows":37},"fragment":"...","leader":"EG",
//	  "national":[{"id":"EG","votes":7303480,"share":0.6708...},...],
//	  "coverage_units":0.835,"scenario":{...},"projected":[...],"message":""}
//
// data.units counts the reporting units the data stands for (the sum of
// the units' sizes: 25,073 tables for the default data, which sums them
// per state), data.rows the units as stored (37).
// On the Map view, "map" reports the colouring ("leader", "margin",
// "shift", "coverage", "turnout"), the kind ("shapes", "tiles", "sized"),
// the level drawn, the areas drawn and the join report's counts, and for
// maps of up to 100 areas each area's key, name, leader, value and colour
// (app.SnapMap); "serial" changes at every recolour.
// ready becomes true once the first frame is drawn; "controls" lists the
// clickable controls of the current view in CSS pixels from the canvas'
// top-left ("slider": true for the draggable ones), and "montecarlo" the
// simulation's progress once the Uncertainty view has started it.
// document.title is left as the page sets it. platform_notjs.go defines the same functions for the
// desktop (links open in the system browser; the fragment is printed on
// standard error when it changes).
package ui
