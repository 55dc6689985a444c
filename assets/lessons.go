package assets

import "embed"

// Lessons holds the guided lessons, one JSON file each under lessons/
// (read with package lesson; the README's "Writing a lesson" describes
// the format).
//
//go:embed lessons/*.json
var Lessons embed.FS
