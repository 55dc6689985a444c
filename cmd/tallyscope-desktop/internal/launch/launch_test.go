package launch

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParse(t *testing.T) {
	tests := []struct {
		args    []string
		display bool
		code    int
		stop    bool
		out     string
	}{
		{[]string{"--help"}, false, 0, true, "Usage: tallyscope-desktop [--data FILE"},
		{[]string{"-h"}, false, 0, true, "--data FILE"},
		{[]string{"--nope"}, false, 2, true, "flag provided but not defined: -nope\nUsage: tallyscope-desktop"},
		{[]string{"--size", "10x10"}, true, 2, true, "want WxH, each at least 320"},
		{[]string{"--size", "wide"}, true, 2, true, "want WxH"},
		{[]string{"extra.csv"}, true, 2, true, `unexpected argument "extra.csv" (use --data FILE)`},
		{[]string{"--save-dir", "/nonexistent/dir"}, true, 2, true, `--save-dir "/nonexistent/dir": not a directory`},
		{nil, false, 1, true, NoDisplay},
		{[]string{"--lang", "es"}, true, 0, false, ""},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		_, code, stop := Parse(tt.args, &buf, tt.display)
		assert.Equal(t, tt.stop, stop, "%v", tt.args)
		assert.Equal(t, tt.code, code, "%v", tt.args)
		assert.Contains(t, buf.String(), tt.out, "%v", tt.args)
		if !stop {
			assert.Empty(t, buf.String(), "%v", tt.args)
		}
	}
	o, _, stop := Parse([]string{"--data", "x.csv", "--map", "m.json", "--lang", "es", "--size", "360x640", "--fragment", "v=regions", "--save-dir", os.TempDir()}, &bytes.Buffer{}, true)
	require.False(t, stop)
	assert.Equal(t, Options{Data: "x.csv", Map: "m.json", Lang: "es", Width: 360, Height: 640, Fragment: "v=regions", SaveDir: os.TempDir()}, o)
}

// TestWithoutDisplay builds tallyscope-desktop and runs it without a
// display: help, flag errors and the missing display are each a message
// and an exit code, never Ebitengine's stack trace (its initialiser
// panics without a display, so the program's checks must run before it).
func TestWithoutDisplay(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "tallyscope-desktop")
	build := exec.Command("go", "build", "-o", bin, "github.com/tallyscope/tallyscope/cmd/tallyscope-desktop")
	build.Env = append(os.Environ(), "CGO_ENABLED=1")
	if out, err := build.CombinedOutput(); err != nil {
		if bytes.Contains(out, []byte(".h: No such file or directory")) || bytes.Contains(out, []byte("C compiler")) {
			t.Skipf("skipping: cannot build the desktop program with cgo here (on Debian: apt-get install libgl1-mesa-dev libx11-dev libxcursor-dev libxi-dev libxinerama-dev libxrandr-dev libxxf86vm-dev):\n%s", out)
		}
		t.Fatalf("building the desktop program: %v\n%s", err, out)
	}
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "DISPLAY=") && !strings.HasPrefix(kv, "WAYLAND_DISPLAY=") {
			env = append(env, kv)
		}
	}
	tests := []struct {
		args []string
		code int
		out  string
	}{
		{[]string{"--help"}, 0, "Usage: tallyscope-desktop [--data FILE"},
		{[]string{"-h"}, 0, "Usage: tallyscope-desktop [--data FILE"},
		{[]string{"--nope"}, 2, "flag provided but not defined: -nope"},
		{[]string{"--size", "wide"}, 2, "want WxH"},
		{nil, 1, NoDisplay + "\n"},
		{[]string{"--lang", "es"}, 1, NoDisplay + "\n"},
	}
	for _, tt := range tests {
		cmd := exec.Command(bin, tt.args...)
		cmd.Env = env
		out, err := cmd.CombinedOutput()
		code := 0
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			code = exit.ExitCode()
		} else {
			require.NoError(t, err, "%v", tt.args)
		}
		assert.Equal(t, tt.code, code, "%v: exit code; output:\n%s", tt.args, out)
		assert.Contains(t, string(out), tt.out, "%v", tt.args)
		assert.NotContains(t, string(out), "goroutine", "%v: a stack trace", tt.args)
		assert.NotContains(t, string(out), "panic", "%v: a panic", tt.args)
		if tt.code == 1 {
			assert.Equal(t, tt.out, string(out), "%v: one sentence, nothing else", tt.args)
		}
	}
}
