// Package web delivers Tallyscope to a browser: it builds the WebAssembly
// app from the module's source, copies the wasm_exec.js that matches the
// Go toolchain that built it, renders the page (index.html at the module
// root) with a text summary of the data, precompresses every file with
// gzip and brotli, and serves the result over HTTP.
//
// The vocabulary:
//
//   - A Site is everything the browser can download: the page, the app
//     (tallyscope.wasm), Go's JavaScript glue (wasm_exec.js) and,
//     optionally, a data file. Build makes one; a Site is an http.Handler.
//   - An asset is one file of a Site with its raw bytes and its gzip and
//     brotli forms. Assets are immutable once built: their URLs carry a
//     content hash (?v=...), so a browser may cache them for good.
//   - The summary is the text the page shows before the app arrives: the
//     election's title, the leading candidates' shares of the counted votes
//     and the coverage, computed from the same data the app will show.
//
// The page makes no request outside its own origin: a Content-Security-
// Policy built from the page's own inline script and style enforces it, so
// the page can be embedded in an article and work offline.
//
// Package web imports no Ebitengine; it runs the go command to build the
// app, so a Site can only be built inside the module's source tree.
package web
