//go:build !js

package ui

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/tallyscope/tallyscope/internal/app"
	"github.com/tallyscope/tallyscope/internal/view"
)

// pageOrigin returns the address links are made from: none on the
// desktop, so a copied link is the fragment alone.
func pageOrigin() string { return "" }

// PageMeta returns a <meta> of the page; there is no page on the desktop.
func PageMeta(name string) string { return "" }

// hasPage says whether there is a page around the canvas to keep a text
// mirror in (see setMirror): not on the desktop.
const hasPage = false

// setMirror does nothing on the desktop, which has no page.
func setMirror(view.MirrorText) {}

// setLive does nothing on the desktop.
func setLive(focus, status string) {}

// setAddress does nothing on the desktop, which has no address.
func setAddress(string) {}

// touchScreen is false on the desktop until a touch is seen.
func touchScreen() bool { return false }

// PageURL returns the page's address; empty on the desktop.
func PageURL() string { return "" }

// BrowserLanguage returns the browser's language; on the desktop, the
// LANG environment variable ("es_VE.UTF-8").
func BrowserLanguage() string { return os.Getenv("LANG") }

// openURL opens an http(s) link in the system browser.
func openURL(u string) {
	if !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") {
		return
	}
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", u)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", u)
	default:
		cmd = exec.Command("xdg-open", u)
	}
	if err := cmd.Start(); err == nil {
		go cmd.Wait()
	}
}

var lastFragment string

// setFragment prints the state's fragment when it changes, so that a
// desktop session can be reopened with --fragment.
func setFragment(f string) {
	if f != lastFragment {
		lastFragment = f
		if f != "" && !quiet {
			fmt.Fprintf(os.Stderr, "tallyscope-desktop: state #%s\n", f)
		}
	}
}

// quiet silences setFragment's output (tests).
var quiet bool

// Clipboard is the last text copied, on the desktop (no clipboard
// dependency is linked in: the text is also printed).
var Clipboard string

func copyText(s string) {
	Clipboard = s
	if !quiet {
		fmt.Fprintf(os.Stderr, "tallyscope-desktop: copied: %s\n", s)
	}
}

// pickFile has no native dialog on the desktop: the status line says to
// drop a file or use --data.
func pickFile(ch chan<- []fileResult) {
	select {
	case ch <- []fileResult{{name: "--data", err: errDesktopPick}}:
	default:
	}
}

var errDesktopPick = fmt.Errorf("drop the file on the window, or start with --data FILE")

// publishState has no test hook on the desktop.
func publishState(string) {}

// focusOnStart does nothing on the desktop: the window has the focus.
func focusOnStart() {}

// runOptions are Ebitengine's defaults on the desktop.
func runOptions() *ebiten.RunGameOptions { return nil }

// Fetch is for the browser; on the desktop, files are read with --data.
func Fetch(ref string) ([]byte, error) {
	return nil, fmt.Errorf("fetching %s: only in the browser", ref)
}

// backgroundRuns is nil on the desktop: the frames step the Monte Carlo
// runs themselves (State.Update's budget).
var backgroundRuns func(*app.MonteCarlo)
