package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/sim"
)

// lang is the language of the output: English, or Spanish with --lang es
// before or after the command, for the commands that speak it (spoken).
var lang = i18n.EN

// spoken lists the commands whose text --lang es prints in Spanish (chart
// and serve have their own --lang); the others are English for now.
var spoken = map[string]bool{"scenario": true, "chart": true, "serve": true, "publish": true, "lesson": true, "summary": true}

// ownLang lists the commands with a --lang flag of their own (the
// language of a chart, of the page): they keep it, and it sets lang too.
var ownLang = map[string]bool{"chart": true, "serve": true, "publish": true, "lesson": true}

// takeLang sets lang from --lang CODE (or --lang=CODE) and removes it
// from args, unless the command named first has a --lang of its own.
func takeLang(args []string) ([]string, error) {
	lang = i18n.EN
	keep := len(args) > 0 && ownLang[args[0]]
	// The command may follow the flag: "tallyscope --lang es scenario".
	out := args[:0:0]
	for i := 0; i < len(args); i++ {
		a, from := args[i], i
		code, ok := strings.CutPrefix(a, "--lang=")
		if !ok {
			code, ok = strings.CutPrefix(a, "-lang=")
		}
		if !ok && (a == "--lang" || a == "-lang") {
			if i+1 >= len(args) {
				if keep {
					out = append(out, a)
					continue
				}
				return nil, usageError{"--lang needs a language: en or es"}
			}
			code, ok = args[i+1], true
			i++
		}
		if !ok {
			out = append(out, a)
			continue
		}
		l, known := i18n.Parse(code)
		if keep {
			out = append(out, args[from:i+1]...)
		} else if !known {
			return nil, usageError{"--lang must be en or es, not " + code}
		}
		if known {
			lang = l
		}
	}
	if lang != i18n.EN && len(out) > 0 && !spoken[out[0]] {
		return nil, usageError{fmt.Sprintf("%s speaks only English so far; --lang %s works with chart, publish, scenario and serve", out[0], lang.Code())}
	}
	return out, nil
}

// noteText words a note of the core in the output's language.
func noteText(n sim.Note) string { return lang.Note(n) }

// flagHints names the flags that supply what a core error says is
// missing: the core knows no flags, the command line does.
var flagHints = map[string]string{
	"scenario.no-missing.expected":           "--registered-total, --units-total, --valid-total",
	"scenario.no-missing.full":               "--registered-total",
	"scenario.no-missing.turnout":            "--registered-total",
	"scenario.no-missing.units":              "--units-total",
	"scenario.no-official-total":             "--valid-total",
	"scenario.no-missing.counted-registered": "--join-registered",
}

// errorText words an error for the terminal: a core error in the
// output's language with the flags that help, any other as it is.
func errorText(err error) string {
	var e *sim.Error
	if !errors.As(err, &e) {
		return err.Error()
	}
	s := lang.Error(err)
	if h, ok := flagHints[e.Code]; ok {
		s += " (" + h + ")"
	}
	return s
}
