package main

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestFlags checks the command line; it stops before opening a window.
// The package links Ebitengine, so run it under xvfb-run.
func TestFlags(t *testing.T) {
	tests := []struct {
		args []string
		code int
		out  string
	}{
		{[]string{"--help"}, 0, "--data FILE"},
		{[]string{"--size", "10x10"}, 2, "want WxH, each at least 320"},
		{[]string{"--size", "wide"}, 2, "want WxH"},
		{[]string{"extra.csv"}, 2, `unexpected argument "extra.csv" (use --data FILE)`},
		{[]string{"--nope"}, 2, "flag provided but not defined"},
		{[]string{"--map", "/nonexistent/map.json"}, 1, "no such file"},
		{[]string{"--save-dir", "/nonexistent/dir"}, 2, `--save-dir "/nonexistent/dir": not a directory`},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		assert.Equal(t, tt.code, run(tt.args, &buf), "%v", tt.args)
		assert.Contains(t, buf.String(), tt.out, "%v", tt.args)
	}
}
