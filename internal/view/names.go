package view

import (
	"image/color"

	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/internal/palette"
	"github.com/tallyscope/tallyscope/sim"
)

// lighter mixes c with white: the scenario's bars beside the counted ones.
func lighter(c color.RGBA) color.RGBA {
	mix := func(v uint8) uint8 { return uint8((int(v) + 2*255) / 3) }
	return color.RGBA{mix(c.R), mix(c.G), mix(c.B), 0xFF}
}

// shortName returns a candidate's short display name: the first given name
// and the first surname of "Edmundo González Urrutia" is "González".
func shortName(t *sim.Tally, c int) string {
	if c < 0 || c >= len(t.Candidates) {
		return ""
	}
	// "Given Paternal Maternal" (the Spanish-speaking convention) gives
	// the paternal surname; four words skip two given names. Shorter
	// names ("Party B", "Joe Biden", "Republican") are kept whole.
	cd := t.Candidates[c]
	words := splitWords(cd.Label())
	switch {
	case len(words) == 3:
		return words[1]
	case len(words) >= 4:
		return words[2]
	}
	return cd.Label()
}

func splitWords(s string) []string {
	var out []string
	w := ""
	for _, r := range s {
		if r == ' ' {
			if w != "" {
				out = append(out, w)
			}
			w = ""
			continue
		}
		w += string(r)
	}
	if w != "" {
		out = append(out, w)
	}
	return out
}

func (b *builder) section(x, y, w float64, title string) float64 {
	b.text(x, y, title, Bold, b.m.H1, palette.Text, w)
	return b.m.LineH1 + b.m.Gap/2
}

// tables says "N tables", or "1 table".
func (b *builder) tables(n int64) string {
	if n == 1 {
		return b.t(i18n.RgUnitsOne)
	}
	return b.tf(i18n.RgUnitsCount, b.l.Int(n))
}

// summedName names a unit that sums several reporting units (the embedded
// state-level default) in the interface's language: "2.590 mesas con
// electores registrados", "1 mesa sin electores registrados". It is ""
// for an ordinary unit.
func (b *builder) summedName(un *sim.Unit) string {
	if un.Count < 1 || un.Count == 1 && b.st.Data.PerUnit {
		return ""
	}
	u := i18n.UnitsFor(b.st.Data.Tally.UnitLevel)
	k := i18n.UnSummedReg
	if un.Registered == sim.Unknown {
		k = i18n.UnSummedNoReg
	}
	return b.l.Tf(k, b.l.Count(un.Count, u))
}
