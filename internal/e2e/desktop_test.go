package e2e_test

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDesktopUnderXvfb builds cmd/tallyscope-desktop, starts it on a
// virtual X display, and checks that a screenshot of the screen is not
// blank. The screenshot goes to build/e2e/desktop-xvfb.png.
func TestDesktopUnderXvfb(t *testing.T) {
	for _, tool := range []string{"Xvfb", "import"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("skipping: %s not found (on Debian: apt-get install xvfb xauth imagemagick)", tool)
		}
	}
	root := moduleRoot(t)
	bin := filepath.Join(t.TempDir(), "tallyscope-desktop")
	build := exec.Command("go", "build", "-o", bin, "./cmd/tallyscope-desktop")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the desktop app: %v\n%s\n(it needs cgo and, on Debian, libgl1-mesa-dev libx11-dev libxcursor-dev libxi-dev libxinerama-dev libxrandr-dev libxxf86vm-dev)", err, out)
	}

	display := startXvfb(t, 1280, 800)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	app := exec.CommandContext(ctx, bin, "--lang", "en")
	app.Env = append(os.Environ(), "DISPLAY="+display)
	var stderr bytes.Buffer
	app.Stdout, app.Stderr = &stderr, &stderr
	require.NoError(t, app.Start())
	exited := make(chan error, 1)
	go func() { exited <- app.Wait() }()
	t.Cleanup(func() {
		cancel()
		<-exited
	})

	// Take screenshots until one shows the app, for up to a minute.
	deadline := time.Now().Add(60 * time.Second)
	var shot []byte
	var ink float64
	var colours int
	for time.Now().Before(deadline) {
		select {
		case err := <-exited:
			exited <- err
			t.Fatalf("the desktop app exited early: %v\n%s", err, trimmed(stderr.String()))
		default:
		}
		time.Sleep(time.Second)
		b, err := captureRoot(display)
		if err != nil {
			t.Logf("screenshot: %v", err)
			continue
		}
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			continue
		}
		shot = b
		ink, colours = inkFraction(img)
		if ink > 0.02 && colours > 8 {
			// One more second for the first frames to settle.
			time.Sleep(time.Second)
			if b, err := captureRoot(display); err == nil {
				if img, err := png.Decode(bytes.NewReader(b)); err == nil {
					shot = b
					ink, colours = inkFraction(img)
				}
			}
			break
		}
	}
	require.NotNil(t, shot, "no screenshot could be taken of display %s", display)
	path := filepath.Join(outDir(t), "desktop-xvfb.png")
	require.NoError(t, os.WriteFile(path, shot, 0o644))
	t.Logf("screenshot: %s (%.1f%% of pixels differ from the background, %d colours)", path, 100*ink, colours)
	assert.Greater(t, ink, 0.02, "the desktop window is not blank; app output: %s", trimmed(stderr.String()))
	assert.Greater(t, colours, 8, "the desktop window has more than a few colours")
}

// startXvfb starts a virtual X server on a free display number, which the
// server picks and reports itself (-displayfd), and stops it when the
// test ends. It returns the DISPLAY value.
func startXvfb(t *testing.T, width, height int) string {
	t.Helper()
	r, w, err := os.Pipe()
	require.NoError(t, err)
	defer r.Close()
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", fmt.Sprintf("%dx%dx24", width, height), "-nolisten", "tcp")
	cmd.ExtraFiles = []*os.File{w}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	require.NoError(t, cmd.Start())
	w.Close()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-done
	})
	line := make(chan string, 1)
	go func() {
		s, _ := bufio.NewReader(r).ReadString('\n')
		line <- strings.TrimSpace(s)
	}()
	select {
	case n := <-line:
		require.NotEmpty(t, n, "Xvfb did not report a display: %s", stderr.String())
		return ":" + n
	case err := <-done:
		t.Fatalf("Xvfb exited: %v\n%s", err, stderr.String())
	case <-time.After(20 * time.Second):
		t.Fatalf("Xvfb did not start in 20 s\n%s", stderr.String())
	}
	return ""
}

// captureRoot takes a PNG of the whole screen of display. It names the
// root window (import without a window waits for a click) and has a
// time limit, since a capture can hang.
func captureRoot(display string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "import", "-display", display, "-window", "root", "png:-")
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("import: %v: %s", err, strings.TrimSpace(stderr.String()))
	}
	return out.Bytes(), nil
}
