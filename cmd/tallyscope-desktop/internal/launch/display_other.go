//go:build !((linux && !android) || freebsd || netbsd || openbsd || dragonfly)

package launch

// hasDisplay reports whether there is a display to open a window on: on
// these systems there always is one.
func hasDisplay() bool { return true }
