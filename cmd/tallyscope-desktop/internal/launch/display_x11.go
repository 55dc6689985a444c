//go:build (linux && !android) || freebsd || netbsd || openbsd || dragonfly

package launch

import "os"

// hasDisplay reports whether there is an X display to open a window on:
// Ebitengine's GLFW speaks X11 on these systems (XWayland under Wayland),
// and it finds the display in $DISPLAY.
func hasDisplay() bool { return os.Getenv("DISPLAY") != "" }
