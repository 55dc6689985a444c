package main

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/tallyscope/tallyscope/cmd/tallyscope-desktop/internal/launch"
)

// TestRun checks what run refuses before opening a window; the command
// line itself is package launch's (see its tests). The package links
// Ebitengine, so run it under xvfb-run.
func TestRun(t *testing.T) {
	var buf bytes.Buffer
	o := launch.Options{Map: "/nonexistent/map.json", Width: 1280, Height: 800, SaveDir: "."}
	assert.Equal(t, 1, run(o, &buf), "--map /nonexistent/map.json")
	assert.Contains(t, buf.String(), "no such file", "--map /nonexistent/map.json")
}
