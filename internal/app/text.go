package app

import (
	"errors"
	"fmt"
	"strings"

	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/sim/load"
)

// loadErrorText describes a file that did not load, in language l: the
// loader's problem with its file, line and column. The two problems whose
// remedy is a mapping file are worded by i18n (the loader's own sentence
// names the command line's --map, which the app has no use for); the
// loader's other problems are English for now.
func loadErrorText(l i18n.Lang, err error) string {
	var p *load.Problem
	if !errors.As(err, &p) || !errors.Is(err, load.ErrFormat) {
		return l.Error(err)
	}
	where := p.File
	if p.Line > 0 {
		where += fmt.Sprintf(":%d", p.Line)
	}
	switch {
	case strings.HasPrefix(p.Msg, "unrecognised columns"):
		cols := ""
		if i, j := strings.IndexByte(p.Msg, '('), strings.IndexByte(p.Msg, ')'); i >= 0 && j > i {
			cols = p.Msg[i+1 : j]
		}
		return where + ": " + l.Tf(i18n.MsgUnrecognised, cols) + ". " + l.T(i18n.MsgColumns)
	case strings.HasPrefix(p.Msg, "this is a mapping file"):
		return where + ": " + l.T(i18n.MsgIsMapping)
	}
	return l.Error(err)
}
