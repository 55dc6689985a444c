package web_test

import (
	"io"

	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/load"
)

func writeJSON(w io.Writer, t *sim.Tally) error { return load.WriteJSON(w, t) }
