package chart_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"image/png"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/internal/chart"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/forensics"
	"github.com/tallyscope/tallyscope/sim/scenario"
)

func TestParseSize(t *testing.T) {
	tests := []struct {
		in         string
		wantW      int
		wantH      int
		wantPoints float64
		err        bool
	}{
		{in: "social", wantW: 1200, wantH: 675, wantPoints: 600},
		{in: "Column", wantW: 1440, wantH: 960, wantPoints: 540},
		{in: "print", wantW: 2100, wantH: 1350, wantPoints: 504},
		{in: "1200x675", wantW: 1200, wantH: 675, wantPoints: 600},
		{in: "2400x1350", wantW: 2400, wantH: 1350, wantPoints: 600},
		{in: "400x300", wantW: 400, wantH: 300, wantPoints: 400},
		{in: "100x100", err: true},
		{in: "big", err: true},
		{in: "12x", err: true},
	}
	for _, tt := range tests {
		s, err := chart.ParseSize(tt.in)
		if tt.err {
			assert.ErrorIs(t, err, chart.ErrSize, tt.in)
			continue
		}
		require.NoError(t, err, tt.in)
		w, h := s.Pixels()
		assert.Equal(t, tt.wantW, w, "%s width", tt.in)
		assert.Equal(t, tt.wantH, h, "%s height", tt.in)
		assert.InDelta(t, tt.wantPoints, s.Width.Points(), 0.5, "%s points", tt.in)
	}
}

func TestParseFormatAndKind(t *testing.T) {
	for in, want := range map[string]chart.Format{"png": chart.PNG, "out/chart.SVG": chart.SVG, "a.b.pdf": chart.PDF} {
		f, err := chart.ParseFormat(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, f, in)
	}
	_, err := chart.ParseFormat("chart.jpg")
	assert.ErrorIs(t, err, chart.ErrFormat)
	for _, k := range chart.Kinds {
		got, err := chart.ParseKind(strings.ToUpper(string(k)))
		require.NoError(t, err, k)
		assert.Equal(t, k, got)
	}
	_, err = chart.ParseKind("pie")
	assert.ErrorIs(t, err, chart.ErrKind)
	_, _, err = chart.Render("pie", fixture(), scenario.Scenario{}, chart.Options{})
	assert.ErrorIs(t, err, chart.ErrKind)
}

// TestWriteFormats checks that every format writes a file of its kind,
// with the size asked for, and that the PNG has the social card's pixels.
func TestWriteFormats(t *testing.T) {
	p, _, err := chart.Render(chart.KindRegions, fixture(), scenario.Scenario{}, chart.Options{})
	require.NoError(t, err)
	tests := []struct {
		format chart.Format
		prefix string
	}{
		{chart.PNG, "\x89PNG"},
		{chart.SVG, "<?xml"},
		{chart.PDF, "%PDF"},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		require.NoError(t, chart.Write(&b, p, tt.format, chart.Social, chart.Footer{}), tt.format)
		assert.True(t, strings.HasPrefix(b.String(), tt.prefix), "%s starts with %q", tt.format, tt.prefix)
		if tt.format == chart.PNG {
			img, err := png.Decode(&b)
			require.NoError(t, err)
			assert.Equal(t, 1200, img.Bounds().Dx())
			assert.Equal(t, 675, img.Bounds().Dy())
		}
	}
	var b bytes.Buffer
	assert.ErrorIs(t, chart.Write(&b, p, "gif", chart.Social, chart.Footer{}), chart.ErrFormat)
	assert.ErrorIs(t, chart.Write(&b, p, chart.PNG, chart.Size{}, chart.Footer{}), chart.ErrSize)
	assert.ErrorIs(t, chart.Write(&b, nil, chart.PNG, chart.Social, chart.Footer{}), chart.ErrNoData)
}

// TestSVGEmbedsFonts checks that an SVG carries the Go fonts by default,
// so that it looks the same where they are not installed.
func TestSVGEmbedsFonts(t *testing.T) {
	p, _, err := chart.Render(chart.KindShares, fixture(), scenario.Scenario{}, chart.Options{})
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, chart.Write(&b, p, chart.SVG, chart.Social, chart.Footer{}))
	assert.Contains(t, b.String(), "@font-face")
	assert.Contains(t, b.String(), "font/ttf;charset=utf-8;base64,")
}

// TestFooter checks that the footer names the source, the digest prefix,
// the scenario string and the version, in both languages, and that a
// long scenario string wraps instead of running off the page.
func TestFooter(t *testing.T) {
	defer chart.SetSVGEmbedFonts(chart.SetSVGEmbedFonts(false))
	tl := fixture()
	sc := scenario.Scenario{Missing: scenario.MissingLikeRegion}
	p, _, err := chart.Render(chart.KindShares, tl, sc, chart.Options{})
	require.NoError(t, err)
	for _, l := range []i18n.Lang{i18n.EN, i18n.ES} {
		f := chart.FooterFor(tl, sc, l, "v9.9.9")
		var b bytes.Buffer
		require.NoError(t, chart.Write(&b, p, chart.SVG, chart.Social, f))
		svg := b.String()
		word := map[i18n.Lang]string{i18n.EN: "Source: Tallyscope test fixture", i18n.ES: "Fuente: Tallyscope test fixture"}[l]
		assert.Contains(t, svg, word, l.Code())
		assert.Contains(t, svg, "sha256 "+tl.Digest.String()[:chart.DigestPrefix], l.Code())
		assert.NotContains(t, svg, tl.Digest.String()[:chart.DigestPrefix+1], "only the prefix is shown")
		assert.Contains(t, svg, "Tallyscope v9.9.9", l.Code())
		// The scenario string may be cut across lines: join the text.
		assert.Contains(t, svgText(svg), sc.Stamp(tl.Digest.String()).String(), l.Code())
	}
}

// svgText returns the SVG's text elements' contents joined.
func svgText(svg string) string {
	var b strings.Builder
	for _, part := range strings.Split(svg, "<text")[1:] {
		i := strings.Index(part, ">")
		j := strings.Index(part, "</text>")
		if i >= 0 && j > i {
			b.WriteString(part[i+1 : j])
		}
	}
	return b.String()
}

// TestSpanishLabels checks accents and number formats in Spanish charts.
func TestSpanishLabels(t *testing.T) {
	defer chart.SetSVGEmbedFonts(chart.SetSVGEmbedFonts(false))
	tests := []struct {
		kind chart.Kind
		want []string
		not  []string
	}{
		{chart.KindShares, []string{"Porcentaje de los votos válidos", "Contadas: 48 de 60 mesas (80,00\u00a0%)", "10.294"}, []string{"Márgen", "10,294"}},
		{chart.KindRegions, []string{"Margen (puntos porcentuales)", "mesas contadas", "Bravo frente a Álvarez"}, []string{"Márgen"}},
		{chart.KindFingerprint, []string{"Participación", "Huella electoral"}, nil},
		{chart.KindSwing, []string{"Mesas ganadas", "Cambio hacia Bravo"}, nil},
		{chart.KindDigits, []string{"Último dígito", "nulo binomial", "dígitos"}, []string{"binomial null"}},
		{chart.KindBreakEven, []string{"votos restantes", "Margen final (votos)"}, nil},
		{chart.KindMonteCarlo, []string{"conteos simulados", "semilla 3"}, nil},
	}
	for _, tt := range tests {
		p, _, err := chart.Render(tt.kind, fixture(), goldenScenario, chart.Options{Lang: i18n.ES})
		require.NoError(t, err, tt.kind)
		var b bytes.Buffer
		require.NoError(t, chart.Write(&b, p, chart.SVG, chart.Social, chart.Footer{Lang: i18n.ES}), tt.kind)
		text := strings.ReplaceAll(svgText(b.String()), "&#160;", "\u00a0")
		for _, w := range tt.want {
			assert.Contains(t, text, w, "%s in Spanish", tt.kind)
		}
		for _, w := range tt.not {
			assert.NotContains(t, text, w, "%s in Spanish", tt.kind)
		}
	}
}

func TestSharesNumbers(t *testing.T) {
	a := sim.Aggregate(fixture())
	d, err := chart.ComputeShares(a)
	require.NoError(t, err)
	require.Len(t, d.Rows, 3, "B and A have their own rows, C joins the others")
	assert.Equal(t, []string{"Council bulletin"}, d.Claims)
	assert.Equal(t, 1, d.Rows[0].Candidate, "most counted votes first")
	assert.Equal(t, a.Nation.Votes[1], d.Rows[0].Counted)
	assert.Equal(t, int64(17000), d.Rows[0].Claimed[0])
	assert.InDelta(t, 17000.0/31500, d.Rows[0].ClaimedShare[0], 1e-12)
	others := d.Rows[2]
	assert.Equal(t, -1, others.Candidate)
	assert.Equal(t, a.Nation.Votes[2], others.Counted)
	assert.Equal(t, int64(1500), others.Claimed[0])
	var sum int64
	for _, r := range d.Rows {
		sum += r.Counted
	}
	assert.Equal(t, a.Nation.Valid, sum, "rows add up to the valid votes")

	_, err = chart.ComputeShares(sim.Aggregate(&sim.Tally{Candidates: []sim.Candidate{{ID: "X"}}}))
	assert.ErrorIs(t, err, chart.ErrNoData)
}

func TestRegionsNumbers(t *testing.T) {
	tl := fixture()
	a := sim.Aggregate(tl)
	tests := []struct {
		level string
		max   int
		rows  int
		total int
	}{
		{"", 0, 2, 2},
		{"state", 0, 2, 2},
		{"municipality", 0, 3, 3},
		{"municipality", 2, 2, 3},
	}
	for _, tt := range tests {
		d, err := chart.ComputeRegions(a, chart.Options{Level: tt.level, MaxRegions: tt.max})
		require.NoError(t, err, tt.level)
		assert.Len(t, d.Rows, tt.rows, tt.level)
		assert.Equal(t, tt.total, d.Total, tt.level)
		for i, r := range d.Rows {
			res := a.Result(r.Region)
			_, pp := res.Margin(d.A, d.B, sim.OfValid)
			assert.InDelta(t, pp, r.MarginPP, 1e-12, "%s %s", tt.level, r.Name)
			assert.Equal(t, res.Units, r.Units)
			if i > 0 {
				assert.GreaterOrEqual(t, d.Rows[i-1].MarginPP, r.MarginPP, "sorted by margin")
			}
		}
	}
	d, err := chart.ComputeRegions(a, chart.Options{A: "alvarez"})
	require.NoError(t, err)
	assert.Equal(t, 0, d.A)
	assert.Equal(t, 1, d.B, "B defaults to the leader when A is the runner-up")
	_, err = chart.ComputeRegions(a, chart.Options{Level: "table"})
	assert.ErrorIs(t, err, chart.ErrNoData)
	_, err = chart.ComputeRegions(a, chart.Options{Level: "galaxy"})
	assert.ErrorIs(t, err, sim.ErrUnknownLevel)
	_, err = chart.ComputeRegions(a, chart.Options{A: "B", B: "Bravo"})
	assert.ErrorIs(t, err, chart.ErrNoData, "a margin needs two different candidates")
}

func TestBreakEvenNumbers(t *testing.T) {
	tl := fixture()
	b := scenario.BreakEvenVotes([]int64{300, 500, 50}, 1000)
	d, err := chart.ComputeBreakEven(tl, b, 12)
	require.NoError(t, err)
	// Margin 200 of 850 counted; others keep 50/850 of the remaining.
	others := 50.0 / 850
	assert.InDelta(t, others, d.OthersShare, 1e-12)
	assert.InDelta(t, (200.0/1000+1-others)/2, d.Needed, 1e-12)
	assert.InDelta(t, 0, d.FinalMargin(d.Needed), 1e-9, "the margin is zero at the break-even")
	assert.InDelta(t, 200+1000*(1-others), d.FinalMargin(0), 1e-9)
	assert.InDelta(t, 1-others, d.MaxShare, 1e-12)
	assert.InDelta(t, 300.0/850, d.CountedShare, 1e-12, "the runner-up's counted share")
	assert.Equal(t, d.Curve[0].Margin, d.FinalMargin(0))
	// A locked result: the break-even lies beyond 100% and the axis
	// reaches past it.
	locked := scenario.BreakEvenVotes([]int64{300, 2000, 0}, 1000)
	ld, err := chart.ComputeBreakEven(tl, locked, 12)
	require.NoError(t, err)
	assert.True(t, ld.Locked)
	assert.Greater(t, ld.Curve[len(ld.Curve)-1].Share, ld.Needed)

	_, err = chart.ComputeBreakEven(tl, scenario.BreakEvenVotes([]int64{300, 500, 50}, 0), 0)
	assert.ErrorIs(t, err, chart.ErrNoData)
}

func TestSwingNumbers(t *testing.T) {
	// Three units: A 60–40, A 45–55, and one C wins 50–20–30 (A, B, C).
	tl := &sim.Tally{UnitLevel: "district",
		Candidates: []sim.Candidate{{ID: "A"}, {ID: "B"}, {ID: "C"}},
		Units: []sim.Unit{
			{ID: "1", Region: -1, Votes: []int64{60, 40, 0}, Registered: sim.Unknown, Null: sim.Unknown, Blank: sim.Unknown},
			{ID: "2", Region: -1, Votes: []int64{45, 55, 0}, Registered: sim.Unknown, Null: sim.Unknown, Blank: sim.Unknown},
			{ID: "3", Region: -1, Votes: []int64{20, 30, 50}, Registered: sim.Unknown, Null: sim.Unknown, Blank: sim.Unknown},
		}}
	d, err := chart.ComputeSwing(sim.Aggregate(tl), chart.Options{A: "A", B: "B"})
	require.NoError(t, err)
	assert.True(t, d.Seats, "districts are seats")
	at := func(s float64) (int64, int64, int64) {
		for k, x := range d.Swings {
			if x == s {
				return d.WonA[k], d.WonB[k], d.WonOther[k]
			}
		}
		t.Fatalf("swing %v not on the grid", s)
		return 0, 0, 0
	}
	tests := []struct {
		swing       float64
		a, b, other int64
		why         string
	}{
		{0, 1, 1, 1, "as counted"},
		{5, 2, 0, 1, "a 5-point swing ties unit 2: the first listed (A) wins ties"},
		{4.75, 1, 1, 1, "just short of the tie"},
		{-10, 0, 2, 1, "10 points to B flips unit 1 exactly to a tie? 50-50: A wins ties, so -10.25 is needed"},
		{-10.25, 0, 2, 1, "B takes unit 1"},
		{15, 2, 0, 1, "C still leads unit 3 (35-15-50)"},
		{30, 3, 0, 0, "A takes unit 3 at 50-0-50, winning the tie with C"},
		{-50, 0, 2, 1, "C keeps unit 3 against B at 0-50-50? B (listed before C) wins the tie"},
	}
	for _, tt := range tests {
		a, b, o := at(tt.swing)
		_ = tt.why
		switch tt.swing {
		case -10:
			assert.Equal(t, [3]int64{1, 1, 1}, [3]int64{a, b, o}, "swing -10: unit 1 ties 50-50 and A, listed first, keeps it")
		case -50:
			assert.Equal(t, [3]int64{0, 3, 0}, [3]int64{a, b, o}, "swing -50: B ties C 50-50 in unit 3 and, listed first, wins it")
		default:
			assert.Equal(t, [3]int64{tt.a, tt.b, tt.other}, [3]int64{a, b, o}, "swing %v: %s", tt.swing, tt.why)
		}
	}
	assert.True(t, d.HasFlip)
	assert.Equal(t, 5.0, d.Flip, "the smallest swing that gives A more units than B")
}

func TestFingerprintNeedsTurnout(t *testing.T) {
	tl := fixture()
	for i := range tl.Units {
		tl.Units[i].Registered = sim.Unknown
	}
	_, _, err := chart.Render(chart.KindFingerprint, tl, scenario.Scenario{}, chart.Options{})
	assert.ErrorIs(t, err, chart.ErrNoData)
	assert.ErrorIs(t, err, forensics.ErrNeedsTurnout)
	_, err = chart.ComputeFingerprint(tl, nil)
	assert.ErrorIs(t, err, chart.ErrNoData)
}

func TestDigitsNumbers(t *testing.T) {
	tl := fixture()
	tests, err := forensics.LastDigit(tl, forensics.DigitOptions{Bootstrap: -1})
	require.NoError(t, err)
	d, err := chart.ComputeLastDigits(tl, tests, chart.Options{})
	require.NoError(t, err)
	require.Len(t, d.Series, 2)
	assert.Equal(t, 1, d.Series[0].Candidate, "the leader first")
	var n int64
	for k := 0; k < 10; k++ {
		n += d.Series[0].Observed[k]
		assert.InDelta(t, 0.1, d.Series[0].Expected[k], 1e-12)
	}
	assert.Equal(t, d.Series[0].N, n)
	// The chart shows the test `tallyscope forensics` prints, with the
	// same null: the report's binomial p-values, figure for figure.
	r, err := forensics.Run(tl, forensics.Options{Seed: 9, SkipFit: true})
	require.NoError(t, err)
	for _, s := range d.Series {
		require.NotNil(t, s.Binomial, s.Name)
		var found bool
		for _, ld := range r.LastDigit {
			if ld.Candidate == s.Candidate {
				found = true
				require.NotNil(t, ld.Binomial)
				assert.Equal(t, ld.PValue, s.PValue, s.Name)
				assert.Equal(t, ld.Binomial.PValue, s.Binomial.PValue, s.Name)
				assert.Equal(t, ld.Binomial.Expected, s.Binomial.Expected, s.Name)
			}
		}
		assert.True(t, found, s.Name)
	}
	_, _, err = chart.Render(chart.KindDigits, tl, scenario.Scenario{}, chart.Options{Digit: "third"})
	assert.ErrorIs(t, err, chart.ErrKind)
	_, _, err = chart.Render(chart.KindDigits, tl, scenario.Scenario{}, chart.Options{Digit: chart.DigitSecond})
	assert.NoError(t, err)
}

func TestRenderEmpty(t *testing.T) {
	for _, k := range chart.Kinds {
		_, _, err := chart.Render(k, &sim.Tally{Candidates: []sim.Candidate{{ID: "A"}, {ID: "B"}}}, scenario.Scenario{}, chart.Options{})
		assert.ErrorIs(t, err, chart.ErrNoData, k)
		_, _, err = chart.Render(k, nil, scenario.Scenario{}, chart.Options{})
		assert.ErrorIs(t, err, chart.ErrNoData, k)
	}
}

// TestTables checks that every kind's numbers write as CSV and JSON that
// read back, with the header as long as every row.
func TestTables(t *testing.T) {
	for _, k := range chart.Kinds {
		_, tab, err := chart.Render(k, fixture(), goldenScenario, chart.Options{})
		require.NoError(t, err, k)
		assert.Equal(t, k, tab.Kind)
		require.NotEmpty(t, tab.Rows, k)
		var c bytes.Buffer
		require.NoError(t, tab.WriteCSV(&c), k)
		r := csv.NewReader(strings.NewReader(c.String()))
		r.Comment = '#'
		recs, err := r.ReadAll()
		require.NoError(t, err, k)
		assert.Equal(t, tab.Columns, recs[0], k)
		assert.Len(t, recs, len(tab.Rows)+1, k)
		var j bytes.Buffer
		require.NoError(t, tab.WriteJSON(&j), k)
		var back map[string]any
		require.NoError(t, json.Unmarshal(j.Bytes(), &back), k)
		assert.Equal(t, string(k), back["kind"])
	}
}

func TestRegionsTableIsComplete(t *testing.T) {
	tl := fixture()
	_, tab, err := chart.Render(chart.KindRegions, tl, scenario.Scenario{}, chart.Options{Level: "municipality", MaxRegions: 1})
	require.NoError(t, err)
	require.Len(t, tab.Rows, 3, "the table lists every region, even those the chart leaves out")
	a := sim.Aggregate(tl)
	var sum int64
	for _, r := range tab.Rows {
		sum += r[4].(int64)
	}
	assert.Equal(t, a.Nation.Valid, sum, "the regions' valid votes add up to the national total")
	assert.Equal(t, []string{"key", "name", "units", "expected_units", "valid", "A", "B", "C", "margin_votes", "margin_pp"}, tab.Columns)
}

func TestRenderView(t *testing.T) {
	var img, nums bytes.Buffer
	v := chart.View{Kind: chart.KindSwing, Tally: fixture(), Options: chart.Options{Lang: i18n.ES}, Version: "test"}
	require.NoError(t, chart.RenderView(&img, &nums, v))
	cfg, err := png.DecodeConfig(&img)
	require.NoError(t, err)
	assert.Equal(t, 1440, cfg.Width, "the column size by default")
	assert.True(t, strings.HasPrefix(nums.String(), "# a: B\n"), nums.String()[:40])
	var svg bytes.Buffer
	v.Format, v.Size = chart.SVG, chart.Print
	require.NoError(t, chart.RenderView(&svg, nil, v))
	assert.Contains(t, svg.String(), `width="504pt"`)
	v.Kind = "pie"
	assert.ErrorIs(t, chart.RenderView(&svg, nil, v), chart.ErrKind)
}

func TestMonteCarloNeedsMissingUnits(t *testing.T) {
	r := scenario.MonteCarloResult{Runs: 400, A: 1, B: 0, Wins: []int64{0, 400, 0}, WinProb: []float64{0, 1, 0}, WinSE: []float64{0, 0, 0}, Histogram: scenario.Histogram{Lo: 1, Hi: 2, Counts: []int{400}}}
	_, err := chart.ComputeMonteCarlo(fixture(), r)
	assert.ErrorIs(t, err, chart.ErrNoData, "nothing is simulated when no unit is missing")
	r.MissingUnits = 3
	d, err := chart.ComputeMonteCarlo(fixture(), r)
	require.NoError(t, err)
	require.Len(t, d.Bins, 1)
	assert.Equal(t, 400, d.Bins[0].Runs)
	assert.Equal(t, scenario.WinAll, d.Statement.Kind, "every run: never 100%")
	r.Runs, r.Histogram.Counts = 399, []int{399}
	_, err = chart.ComputeMonteCarlo(fixture(), r)
	assert.ErrorIs(t, err, chart.ErrNoData, "too few runs to draw")
	_, err = chart.ComputeMonteCarlo(fixture(), scenario.MonteCarloResult{MissingUnits: 3})
	assert.ErrorIs(t, err, chart.ErrNoData, "no runs")
}

// TestProjection checks that a scenario that changes the result adds the
// projection to the shares chart and projects the regions chart, and that
// the numbers add up to the scenario's national outcome.
func TestProjection(t *testing.T) {
	tl := fixture()
	sc := scenario.Scenario{Missing: scenario.MissingLikeRegion}
	assert.True(t, chart.HasChanges(sc))
	assert.False(t, chart.HasChanges(scenario.Scenario{MonteCarlo: scenario.MonteCarloParams{Runs: 5}}), "Monte Carlo settings alone change nothing")
	o, err := scenario.Run(tl, sc)
	require.NoError(t, err)

	d, err := chart.ComputeShares(sim.Aggregate(tl))
	require.NoError(t, err)
	require.NoError(t, chart.ProjectShares(d, o))
	var sum int64
	for _, r := range d.Rows {
		sum += r.Projected
		if r.Candidate >= 0 {
			assert.Equal(t, o.Total[r.Candidate], r.Projected)
		}
	}
	assert.Equal(t, o.Valid, sum, "the projected rows add up to the projected valid votes")
	assert.Greater(t, o.Valid, d.Valid, "the projection adds the missing tables' votes")

	_, tab, err := chart.Render(chart.KindShares, tl, sc, chart.Options{})
	require.NoError(t, err)
	assert.Equal(t, []string{"candidate_id", "candidate", "counted_votes", "counted_share", "projected_votes", "projected_share", "Council bulletin votes", "Council bulletin share"}, tab.Columns)

	_, tab, err = chart.Render(chart.KindRegions, tl, sc, chart.Options{})
	require.NoError(t, err)
	totals := make([]int64, 3)
	for _, r := range tab.Rows {
		for c := range totals {
			totals[c] += r[5+c].(int64)
		}
	}
	assert.Equal(t, o.Total, totals, "the regions' projected votes add up to the national projection")

	defer chart.SetSVGEmbedFonts(chart.SetSVGEmbedFonts(false))
	for _, k := range []chart.Kind{chart.KindShares, chart.KindRegions} {
		p, _, err := chart.Render(k, tl, sc, chart.Options{Lang: i18n.ES})
		require.NoError(t, err, k)
		var b bytes.Buffer
		require.NoError(t, chart.Write(&b, p, chart.SVG, chart.Social, chart.Footer{}))
		assert.Contains(t, svgText(b.String()), "cada mesa faltante vota como su región", k)
	}
}

// TestPartialClaimProjectsNothing: an early bulletin is compared with the
// counted units and fills no missing one, so the shares chart draws no
// projection for it; a final claim does.
func TestPartialClaimProjectsNothing(t *testing.T) {
	partial := scenario.Scenario{Missing: scenario.MissingClaim, Claim: &scenario.Claim{Label: "1st", Reported: 0.8}}
	assert.False(t, chart.HasChanges(partial))
	final := scenario.Scenario{Missing: scenario.MissingClaim, Claim: &scenario.Claim{Label: "final"}}
	assert.True(t, chart.HasChanges(final))
	partial.Swings = []scenario.Swing{{Candidate: "a", PP: 1}}
	assert.True(t, chart.HasChanges(partial), "a swing still changes the count")
}
