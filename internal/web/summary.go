package web

import (
	"bytes"
	"fmt"
	"image/color"
	"slices"

	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/internal/palette"
	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/load"
	"github.com/tallyscope/tallyscope/sim/tallybin"
)

// SummaryCandidates is how many candidates the summary names; the rest
// are summed as "others".
const SummaryCandidates = 2

// Summary is the text the page shows while the app downloads: what the
// app will show first, computed from the same data.
type Summary struct {
	// Title names the election.
	Title string
	// Rows are the leading candidates by votes, then the others summed.
	Rows []SummaryRow
	// Basis says what the shares are a fraction of.
	Basis string
	// Counted says how many units are counted, out of how many expected
	// when that is known: "25,073 of 30,026 tables (83.50%)".
	Counted string
}

// SummaryRow is one line of the summary.
type SummaryRow struct {
	Name  string
	Votes string
	Share string
	// Fraction is the share as a fraction in [0,1], for the bar.
	Fraction float64
	// Colour is the candidate's colour from the palette, as #rrggbb.
	Colour string
}

// Summarize computes the summary of t in language l. Shares are of valid
// votes, the convention of announced results; ties between candidates
// keep the tally's order.
func Summarize(t *sim.Tally, l i18n.Lang) Summary {
	agg := sim.Aggregate(t)
	n := &agg.Nation
	s := Summary{Title: l.Data(t.Title), Basis: l.T(i18n.ShareOfValid)}
	if s.Title == "" {
		s.Title = l.T(i18n.AppName)
	}
	order := make([]int, len(t.Candidates))
	for i := range order {
		order[i] = i
	}
	// Most votes first; a column lumping several candidates comes last.
	slices.SortStableFunc(order, func(a, b int) int {
		switch la, lb := t.Candidates[a].Aggregate, t.Candidates[b].Aggregate; {
		case la != lb && la:
			return 1
		case la != lb:
			return -1
		case n.Votes[a] > n.Votes[b]:
			return -1
		case n.Votes[a] < n.Votes[b]:
			return 1
		}
		return 0
	})
	var others int64
	for k, c := range order {
		if k >= SummaryCandidates && len(order) > SummaryCandidates+1 {
			others += n.Votes[c]
			continue
		}
		s.Rows = append(s.Rows, SummaryRow{
			Name:     t.Candidates[c].Label(),
			Votes:    fmt.Sprintf(pageText[l].Votes, l.Int(n.Votes[c])),
			Share:    l.Percent(n.Share(c, sim.OfValid), 2),
			Fraction: n.Share(c, sim.OfValid),
			Colour:   hexColour(palette.Of(c, t.Lumped())),
		})
	}
	if len(order) > SummaryCandidates+1 {
		f := 0.0
		if n.Valid > 0 {
			f = float64(others) / float64(n.Valid)
		}
		s.Rows = append(s.Rows, SummaryRow{
			Name: l.T(i18n.Others), Votes: fmt.Sprintf(pageText[l].Votes, l.Int(others)), Share: l.Percent(f, 2),
			Fraction: f, Colour: hexColour(palette.Neutral),
		})
	}
	cov := n.Coverage()
	if f, ok := cov.UnitsFraction(); ok {
		s.Counted = fmt.Sprintf(pageText[l].countedOf, l.Int(cov.Units), l.Int(cov.ExpectedUnits), unitsName(t.UnitLevel, l, cov.ExpectedUnits), l.Percent(f, 2))
	} else {
		s.Counted = fmt.Sprintf(pageText[l].counted, l.Int(cov.Units), unitsName(t.UnitLevel, l, cov.Units))
	}
	return s
}

// SummarizeFile reads data in any format the loaders recognise, or a
// binary tally (package tallybin), and summarizes it.
func SummarizeFile(data []byte, name string, l i18n.Lang) (Summary, error) {
	var t *sim.Tally
	var err error
	if tallybin.Is(data) {
		t, err = tallybin.Decode(data)
	} else {
		t, _, err = load.Read(bytes.NewReader(data), load.Options{Name: name})
	}
	if err != nil {
		return Summary{}, fmt.Errorf("web: summary of %s: %w", name, err)
	}
	return Summarize(t, l), nil
}

// unitsName names n units of a level in language l: "1 table", "2 tables".
func unitsName(level string, l i18n.Lang, n int64) string {
	return i18n.UnitsFor(level).Name(l, n)
}

func hexColour(c color.RGBA) string {
	return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B)
}
