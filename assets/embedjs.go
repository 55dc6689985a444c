package assets

import _ "embed"

// EmbedJS is the script an article loads beside its Tallyscope iframes: it
// resizes each iframe to the height the page inside reports with
// postMessage. The comment at its top states the message's convention.
//
//go:embed embed.js
var EmbedJS []byte

// EmbedJSName is the file name EmbedJS is served under, beside the page.
const EmbedJSName = "embed.js"
