package app

import (
	"errors"
	"strings"

	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/sim/load"
)

// UserText returns an error message from the core for the visualizer's
// screen: hints meant for the command line (a flag such as --map or
// --registered-total) are left out, since neither the browser nor the
// window has flags to pass. The rest, such as the file, line and column
// of a loader's problem, is kept.
func UserText(msg string) string {
	// Parenthesised asides that name flags: "(--registered-total)".
	for {
		i := strings.Index(msg, "(--")
		if i < 0 {
			break
		}
		j := strings.IndexByte(msg[i:], ')')
		if j < 0 {
			msg = msg[:i]
			break
		}
		msg = msg[:i] + msg[i+j+1:]
	}
	// Clauses that tell what to pass: "...; describe them in a mapping
	// file and pass it with --map (see README)", "...: pass it with --map".
	for _, sep := range []string{"; ", ": ", ", "} {
		parts := strings.Split(msg, sep)
		kept := parts[:0]
		for i, p := range parts {
			if i > 0 && hasFlag(p) {
				continue
			}
			kept = append(kept, p)
		}
		msg = strings.Join(kept, sep)
	}
	// Anything left: drop the flags themselves.
	if hasFlag(msg) {
		words := strings.Fields(msg)
		kept := words[:0]
		for _, w := range words {
			if !hasFlag(w) {
				kept = append(kept, w)
			}
		}
		msg = strings.Join(kept, " ")
	}
	msg = strings.Join(strings.Fields(msg), " ")
	for _, p := range []string{",", ";", ":", "."} {
		msg = strings.ReplaceAll(msg, " "+p+" ", p+" ")
	}
	return strings.TrimRight(msg, " ,;:.")
}

// hasFlag reports whether s names a command-line flag ("--map").
func hasFlag(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		if s[i] == '-' && s[i+1] == '-' && s[i+2] >= 'a' && s[i+2] <= 'z' && (i == 0 || s[i-1] == ' ' || s[i-1] == '(') {
			return true
		}
	}
	return false
}

// loadErrorText describes a file that did not load, in language l: the
// loader's problem (file, line, column) without command-line hints and,
// when its columns were not recognised, how to describe them.
func loadErrorText(l i18n.Lang, err error) string {
	text := UserText(err.Error())
	var p *load.Problem
	if errors.As(err, &p) && errors.Is(err, load.ErrFormat) && strings.HasPrefix(p.Msg, "unrecognised columns") {
		text += ". " + l.T(i18n.MsgColumns)
	}
	return text
}
