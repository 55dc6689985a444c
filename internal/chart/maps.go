package chart

import (
	"github.com/tallyscope/tallyscope/internal/choropleth"
	"github.com/tallyscope/tallyscope/internal/i18n"
)

// The map kinds. They need geometry (Options.Map), so "all" leaves them
// out.
const (
	KindMap       Kind = "map"
	KindCartogram Kind = "cartogram"
)

// MapKinds lists the kinds drawn from boundaries.
var MapKinds = []Kind{KindMap, KindCartogram}

// breakLabel writes a scale's break for the legend.
func breakLabel(l i18n.Lang, mode choropleth.Mode, v float64) string {
	switch mode {
	case choropleth.Coverage, choropleth.Turnout:
		return l.Percent(v, 0)
	}
	return l.PP(v, 0)
}
