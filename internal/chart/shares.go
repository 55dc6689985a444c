package chart

import (
	"cmp"
	"fmt"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg/draw"

	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/internal/palette"
	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/scenario"
)

// SharesRow is one bar group of the shares chart: a candidate (or the
// others together) as counted and as each claim announced it.
type SharesRow struct {
	// Candidate indexes Tally.Candidates, or is -1 for the others.
	Candidate int
	Label     string
	// Counted is the counted vote; CountedShare its share of the counted
	// valid votes.
	Counted      int64
	CountedShare float64
	// Claimed holds the votes each claim announced (sim.Unknown when a
	// claim does not give them), and ClaimedShare their share of that
	// claim's valid total; in Tally.Claims order.
	Claimed      []int64
	ClaimedShare []float64
	// Projected and ProjectedShare are the scenario's projected votes
	// and share of the projected valid votes (see ProjectShares); zero
	// when there is no projection.
	Projected      int64
	ProjectedShare float64
}

// SharesData are the numbers behind the shares chart.
type SharesData struct {
	Rows []SharesRow
	// Claims are the labels of the claims compared, in order.
	Claims []string
	// Valid and Units are the counted valid votes and units; ExpectedUnits
	// is the national expectation, or 0.
	Valid, Units, ExpectedUnits int64
	UnitLevel                   string
	// Rule is the scenario's missing-unit rule when the chart shows a
	// projection (HasProjection); ProjectedValid the projected valid
	// votes.
	HasProjection  bool
	Rule           scenario.Missing
	ProjectedValid int64
	// projected holds every candidate's projected votes, for the table.
	projected []int64
	// lumped marks the candidates that lump several (sim.Tally.Lumped),
	// drawn in grey.
	lumped []bool
}

// HasChanges reports whether sc changes the counted result: a
// missing-unit rule, a swing or a turnout change. The baseline (the zero
// Scenario) has none, and neither has a partial claim (an early bulletin),
// which is compared with the counted units and fills no missing one.
func HasChanges(sc scenario.Scenario) bool {
	partial := sc.Missing == scenario.MissingClaim && sc.Claim != nil && sc.Claim.Reported > 0 && sc.Claim.Reported < 1
	return (sc.Missing != scenario.MissingNone && !partial) || len(sc.Swings) > 0 || !sc.Turnout.IsZero()
}

// ProjectShares adds a scenario's outcome to the shares' numbers: each
// row's projected votes (counted plus imputed, after any swing) beside the
// counted ones.
func ProjectShares(d *SharesData, o *scenario.Outcome) error {
	if o == nil || o.Valid <= 0 {
		return fmt.Errorf("%w: the projection has no valid votes", ErrNoData)
	}
	d.HasProjection, d.Rule, d.ProjectedValid = true, o.Scenario.Missing, o.Valid
	d.projected = append([]int64(nil), o.Total...)
	rest := o.Valid
	for i := range d.Rows {
		r := &d.Rows[i]
		if r.Candidate < 0 {
			continue
		}
		if r.Candidate >= len(o.Total) {
			return fmt.Errorf("%w: the projection has %d candidates", ErrNoData, len(o.Total))
		}
		r.Projected = o.Total[r.Candidate]
		rest -= r.Projected
	}
	for i := range d.Rows {
		r := &d.Rows[i]
		if r.Candidate < 0 {
			r.Projected = rest
		}
		r.ProjectedShare = float64(r.Projected) / float64(o.Valid)
	}
	return nil
}

// minOwnRow is the share (counted or claimed) above which a candidate gets
// a row of their own; the others are summed in one row.
const minOwnRow = 0.02

// maxOwnRows caps the candidates with their own row.
const maxOwnRows = 5

// ComputeShares returns the numbers of the shares chart: the counted
// national totals of a, beside every claim of the tally whose valid total
// is known.
func ComputeShares(a *sim.Aggregation) (*SharesData, error) {
	t := a.Tally
	n := &a.Nation
	if n.Valid <= 0 {
		return nil, fmt.Errorf("%w: no valid votes", ErrNoData)
	}
	type claim struct {
		label string
		votes []int64 // per candidate, Unknown when not given
		valid int64
	}
	var claims []claim
	for _, c := range t.Claims {
		valid := c.ValidTotal()
		if valid <= 0 {
			continue
		}
		cl := claim{label: c.Label, votes: make([]int64, len(t.Candidates)), valid: valid}
		for i := range cl.votes {
			cl.votes[i] = sim.Unknown
		}
		ok := true
		for _, v := range c.Votes {
			i, err := t.Candidate(v.Candidate)
			if err != nil {
				ok = false
				break
			}
			cl.votes[i] = v.Votes
		}
		if ok {
			claims = append(claims, cl)
		}
	}
	// Candidates with a row of their own: large enough in the count or in
	// a claim, most counted votes first (ties: tally order).
	// With claims, a candidate needs to be named in every claim: the
	// others are compared with each claim's "others".
	// A column lumping several candidates joins the others' row.
	var own []int
	for c := range t.Candidates {
		if t.Candidates[c].Aggregate {
			continue
		}
		big := float64(n.Votes[c])/float64(n.Valid) >= minOwnRow
		named := true
		for _, cl := range claims {
			if cl.votes[c] == sim.Unknown {
				named = false
			} else if float64(cl.votes[c])/float64(cl.valid) >= minOwnRow {
				big = true
			}
		}
		if big && named {
			own = append(own, c)
		}
	}
	slices.SortStableFunc(own, func(x, y int) int { return cmp.Compare(n.Votes[y], n.Votes[x]) })
	if len(own) > maxOwnRows {
		own = own[:maxOwnRows]
	}
	if len(own) == len(t.Candidates)-1 && len(claims) == 0 {
		// An "others" row for a single candidate: show them by name.
		// A lump of several candidates comes last, whatever its size.
		own = own[:0]
		for c := range t.Candidates {
			own = append(own, c)
		}
		slices.SortStableFunc(own, func(x, y int) int {
			if ax, ay := t.Candidates[x].Aggregate, t.Candidates[y].Aggregate; ax != ay {
				if ax {
					return 1
				}
				return -1
			}
			return cmp.Compare(n.Votes[y], n.Votes[x])
		})
	}
	d := &SharesData{Valid: n.Valid, Units: n.Units, ExpectedUnits: n.Expected.Units, UnitLevel: t.UnitLevel, lumped: t.Lumped()}
	for _, cl := range claims {
		d.Claims = append(d.Claims, cl.label)
	}
	row := func(c int, label string, counted int64, claimed []int64) SharesRow {
		r := SharesRow{Candidate: c, Label: label, Counted: counted, CountedShare: float64(counted) / float64(n.Valid)}
		for i, cl := range claims {
			r.Claimed = append(r.Claimed, claimed[i])
			s := 0.0
			if claimed[i] != sim.Unknown {
				s = float64(claimed[i]) / float64(cl.valid)
			}
			r.ClaimedShare = append(r.ClaimedShare, s)
		}
		return r
	}
	restCounted := n.Valid
	restClaimed := make([]int64, len(claims))
	for i, cl := range claims {
		restClaimed[i] = cl.valid
	}
	for _, c := range own {
		claimed := make([]int64, len(claims))
		for i, cl := range claims {
			claimed[i] = cl.votes[c]
			if claimed[i] != sim.Unknown && restClaimed[i] != sim.Unknown {
				restClaimed[i] -= claimed[i]
			} else {
				restClaimed[i] = sim.Unknown
			}
		}
		restCounted -= n.Votes[c]
		d.Rows = append(d.Rows, row(c, shortName(t, c), n.Votes[c], claimed))
	}
	if len(own) < len(t.Candidates) {
		d.Rows = append(d.Rows, row(-1, "", restCounted, restClaimed))
	}
	return d, nil
}

// Shares draws each candidate's counted share of the valid vote beside
// the shares every claim announced.
func Shares(a *sim.Aggregation, opts Options) (*plot.Plot, error) {
	d, err := ComputeShares(a)
	if err != nil {
		return nil, err
	}
	return sharesPlot(d, opts.Lang), nil
}

func sharesPlot(d *SharesData, l i18n.Lang) *plot.Plot {
	head := l.T(i18n.ChSharesTitleNo)
	if len(d.Claims) > 0 {
		head = l.T(i18n.ChSharesTitle)
	}
	sub := l.Tf(i18n.ChSharesSub, coverageSentence(l, d.Units, d.ExpectedUnits, d.UnitLevel))
	proj := 0
	if d.HasProjection {
		proj = 1
		sub += " " + l.Tf(i18n.ChProjectedSub, ruleLabel(l, d.Rule, d.UnitLevel))
	}
	p := newPlot(head, sub)
	series := 1 + proj + len(d.Claims)
	const groupGap = 0.35
	barH := (1 - groupGap) / float64(series)
	var rs rects
	var ls labels
	valueStyle := style(sizeNote, palette.Text, false)
	valueStyle.YAlign = draw.YCenter
	seriesStyle := style(sizeNote, palette.TextMuted, false)
	seriesStyle.YAlign = draw.YCenter
	nameStyle := style(sizeLabel, palette.Text, true)
	nameStyle.XAlign = draw.XRight
	nameStyle.YAlign = draw.YCenter
	maxShare := 0.0
	for g, r := range d.Rows {
		top := -float64(g)
		clr := palette.Of(r.Candidate, d.lumped)
		name := r.Label
		if r.Candidate < 0 {
			name = l.T(i18n.ChOthers)
		}
		ls = append(ls, label{x: 0, y: top - (1-groupGap)/2, dx: -6, text: name, style: nameStyle})
		for s := 0; s < series; s++ {
			y1 := top - float64(s)*barH
			y0 := y1 - barH*0.86
			share, votes, what := r.CountedShare, r.Counted, l.T(i18n.ChCounted)
			bar := rect{x0: 0, x1: 100 * share, y0: y0, y1: y1, fill: clr}
			if s == 1 && proj == 1 {
				share, votes, what = r.ProjectedShare, r.Projected, l.T(i18n.ChProjected)
				bar = rect{x0: 0, x1: 100 * share, y0: y0, y1: y1, fill: palette.Tint(clr, 0.5), line: draw.LineStyle{Color: clr, Width: 0.6}}
			} else if s > proj {
				c := s - 1 - proj
				share, votes, what = r.ClaimedShare[c], r.Claimed[c], l.ClaimLabel(d.Claims[c])
				bar = rect{x0: 0, x1: 100 * share, y0: y0, y1: y1, fill: palette.Tint(clr, 0.75), hatch: clr,
					line: draw.LineStyle{Color: clr, Width: 0.6}}
			}
			if votes == sim.Unknown {
				ls = append(ls, label{x: 0, y: (y0 + y1) / 2, dx: 3, text: what + ": –", style: seriesStyle})
				continue
			}
			maxShare = max(maxShare, share)
			rs = append(rs, bar)
			v := label{x: 100 * share, y: (y0 + y1) / 2, dx: 3, text: l.Percent(share, 2) + "  " + l.Int(votes), style: valueStyle}
			ls = append(ls, v)
			ls = append(ls, label{x: 100 * share, y: (y0 + y1) / 2, dx: 3 + valueStyle.Width(v.text+"  "), text: what, style: seriesStyle})
		}
	}
	p.Add(gridLines{vertical: true}, rs, rule{at: 0, vertical: true, line: draw.LineStyle{Color: palette.TextMuted, Width: 0.6}}, ls)
	p.X.Min, p.X.Max = 0, 100*maxShare
	step := niceStep(100*maxShare, 4)
	p.X.Tick.Marker = percentTicks(l, step)
	p.X.Label.Text = l.T(i18n.ChSharesAxis)
	p.Y.Min, p.Y.Max = -float64(len(d.Rows))+groupGap, 0
	p.Y.Tick.Marker = noTicks{}
	p.Y.LineStyle.Width = 0
	p.Y.Padding = 0
	p.X.Padding = 0
	return p
}

// coverageSentence says how many units were counted, of how many.
func coverageSentence(l i18n.Lang, units, expected int64, level string) string {
	name := unitsName(l, level, true)
	_, c := countedWords(l, level)
	c = capital(c)
	if expected > 0 {
		return l.Tf(i18n.ChCountedOf, c, l.Int(units), l.Int(expected), name, l.Percent(float64(units)/float64(expected), 2))
	}
	return l.Tf(i18n.ChCountedN, c, l.Int(units), unitsName(l, level, units != 1))
}
