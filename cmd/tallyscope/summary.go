package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/load"
)

func init() {
	register(&command{name: "summary", summary: "national and per-region totals, shares, margins, turnout and coverage", run: runSummary})
}

func runSummary(args []string, stdout, stderr io.Writer) error {
	var d dataFlags
	fs := newFlagSet("summary", "summary [--level NAME] [--map MAPPING.json] [--format text|json|csv] FILE",
		"Prints the national result and one row per region at the chosen level: votes and shares per\n"+
			"candidate, the margin between the two leaders (or --margin A:B), turnout where registered\n"+
			"voters are known, and coverage (units, registered voters and votes against what is expected).",
		[]string{
			"tallyscope summary ../shared/data/venezuela-2024/RESULTADOS_2024_CSV_V2.csv",
			"tallyscope summary --level municipality --format csv RESULTADOS_2024_CSV_V1.csv > municipalities.csv",
			"tallyscope summary --margin Maduro:Gonzalez --denominator cast RESULTADOS_2024_CSV_V1.csv",
			"tallyscope summary --map my-country.json --level district results.csv",
		}, stderr)
	d.register(fs)
	level := fs.String("level", "", "aggregate by `NAME` (a level of the data, e.g. state, municipality, parish, centre, table; default: the outermost)")
	format := fs.String("format", "text", "output `FORMAT`: text, json or csv")
	denom := fs.String("denominator", "valid", "shares are of `valid` votes or of all votes `cast` (valid + null + blank)")
	margin := fs.String("margin", "", "margin between candidates `A:B` (ids or parts of names; default: leader and runner-up of the whole tally)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	file, err := oneFile(fs)
	if err != nil {
		return err
	}
	var den sim.Denominator
	switch *denom {
	case "valid":
		den = sim.OfValid
	case "cast":
		den = sim.OfCast
	default:
		return usageError{fmt.Sprintf("--denominator must be valid or cast, not %q", *denom)}
	}
	t, rep, err := d.load(file, stderr)
	if err != nil {
		return err
	}
	s, err := summarize(t, *level, *margin, den)
	if err != nil {
		return usageError{err.Error()}
	}
	s.Data = dataInfo{File: rep.File, Format: rep.Format, SHA256: rep.SHA256.String(), Guesses: rep.Guesses, Skipped: len(rep.Skipped), skipped: rep.Skipped}
	for _, p := range rep.Skipped {
		fmt.Fprintf(stderr, "skipped: %v\n", p)
	}
	switch *format {
	case "text":
		return s.writeText(stdout)
	case "json":
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(s)
	case "csv":
		return s.writeCSV(stdout)
	}
	return usageError{fmt.Sprintf("--format must be text, json or csv, not %q", *format)}
}

type dataInfo struct {
	File    string   `json:"file"`
	Format  string   `json:"format"`
	SHA256  string   `json:"sha256"`
	Guesses []string `json:"guesses,omitempty"`
	Skipped int      `json:"skipped_rows"`
	// skipped are the rows behind Skipped, for the CSV's leading comment.
	skipped []*load.Problem
}

type candRow struct {
	ID    string  `json:"id"`
	Name  string  `json:"name"`
	Votes int64   `json:"votes"`
	Share float64 `json:"share"`
}

type resultRow struct {
	Level              string    `json:"level"`
	Key                string    `json:"key,omitempty"`
	Name               string    `json:"name"`
	Path               []string  `json:"path,omitempty"`
	Units              int64     `json:"units"`
	ExpectedUnits      int64     `json:"expected_units,omitempty"`
	Registered         *int64    `json:"registered"`
	ExpectedRegistered int64     `json:"expected_registered,omitempty"`
	Valid              int64     `json:"valid"`
	Null               *int64    `json:"null"`
	Blank              *int64    `json:"blank"`
	Candidates         []candRow `json:"candidates"`
	Leader             string    `json:"leader"`
	RunnerUp           string    `json:"runner_up,omitempty"`
	Tie                bool      `json:"tie,omitempty"`
	MarginA            string    `json:"margin_a"`
	MarginB            string    `json:"margin_b"`
	MarginVotes        int64     `json:"margin_votes"`
	MarginPP           float64   `json:"margin_pp"`
	Turnout            *float64  `json:"turnout"`
	CoverageUnits      *float64  `json:"coverage_units"`
	CoverageRegistered *float64  `json:"coverage_registered"`
}

type summaryOut struct {
	Title       string      `json:"title"`
	Source      string      `json:"source,omitempty"`
	Data        dataInfo    `json:"data"`
	Denominator string      `json:"denominator"`
	UnitLevel   string      `json:"unit_level"`
	National    resultRow   `json:"national"`
	Level       string      `json:"level"`
	Regions     []resultRow `json:"regions"`
	Claims      []sim.Claim `json:"claims,omitempty"`
	tally       *sim.Tally
}

func summarize(t *sim.Tally, level, margin string, den sim.Denominator) (*summaryOut, error) {
	a := sim.Aggregate(t)
	l := 0
	if level != "" {
		var err error
		if l, err = t.LevelIndex(level); err != nil {
			return nil, err
		}
	}
	ma, mb, _ := a.Nation.Leader()
	if margin != "" {
		parts := strings.SplitN(margin, ":", 2)
		if len(parts) != 2 {
			return nil, fmt.Errorf("--margin must be A:B, not %q", margin)
		}
		var err error
		if ma, err = t.Candidate(parts[0]); err != nil {
			return nil, err
		}
		if mb, err = t.Candidate(parts[1]); err != nil {
			return nil, err
		}
	}
	if mb < 0 {
		mb = ma
	}
	s := &summaryOut{Title: t.Title, Source: t.Source, Denominator: den.String(), UnitLevel: t.UnitLevel, Claims: t.Claims, tally: t}
	s.National = row(t, &a.Nation, "", "national", nil, ma, mb, den)
	switch {
	case l < 0:
		s.Level = "nation"
	case l < len(t.Levels):
		s.Level = t.Levels[l]
		for _, r := range a.Level(l) {
			reg := t.Regions[r]
			res := a.Result(r)
			s.Regions = append(s.Regions, row(t, &res, reg.Key, reg.Name, pathNames(t, reg.Parent), ma, mb, den))
		}
	default:
		s.Level = t.UnitLevel
		lumped := t.Lumped()
		for i := range t.Units {
			u := &t.Units[i]
			tot := sim.NewTotals(len(t.Candidates))
			tot.Lumped = lumped
			tot.AddUnit(u)
			res := sim.Result{Region: -1, Level: len(t.Levels), Totals: tot}
			name := u.Name
			if name == "" {
				name = u.ID
			}
			s.Regions = append(s.Regions, row(t, &res, u.ID, name, pathNames(t, u.Region), ma, mb, den))
		}
	}
	return s, nil
}

func pathNames(t *sim.Tally, r int) []string {
	var p []string
	for _, i := range t.RegionPath(r) {
		p = append(p, t.Regions[i].Name)
	}
	return p
}

func row(t *sim.Tally, r *sim.Result, key, name string, path []string, ma, mb int, den sim.Denominator) resultRow {
	out := resultRow{Key: key, Name: name, Path: path, Units: r.Units, ExpectedUnits: r.Expected.Units,
		ExpectedRegistered: r.Expected.Registered, Valid: r.Valid}
	if r.Level < 0 {
		out.Level = "nation"
	} else if r.Level < len(t.Levels) {
		out.Level = t.Levels[r.Level]
	} else {
		out.Level = t.UnitLevel
	}
	if r.RegisteredUnits > 0 {
		v := r.Registered
		out.Registered = &v
	}
	if r.NullUnits > 0 {
		v := r.Null
		out.Null = &v
	}
	if r.BlankUnits > 0 {
		v := r.Blank
		out.Blank = &v
	}
	for i, c := range t.Candidates {
		out.Candidates = append(out.Candidates, candRow{ID: c.ID, Name: c.Label(), Votes: r.Votes[i], Share: r.Share(i, den)})
	}
	lead, run, tie := r.Leader()
	out.Leader = t.Candidates[lead].ID
	if run >= 0 {
		out.RunnerUp = t.Candidates[run].ID
	}
	out.Tie = tie
	out.MarginA, out.MarginB = t.Candidates[ma].ID, t.Candidates[mb].ID
	out.MarginVotes, out.MarginPP = r.Margin(ma, mb, den)
	if v, ok := r.Turnout(); ok {
		out.Turnout = &v
	}
	cov := r.Coverage()
	if v, ok := cov.UnitsFraction(); ok {
		out.CoverageUnits = &v
	}
	if v, ok := cov.RegisteredFraction(); ok && r.RegisteredUnits > 0 {
		out.CoverageRegistered = &v
	}
	return out
}

func pct(f float64) string { return lang.Percent(f, 2) }

func (s *summaryOut) writeText(w io.Writer) error {
	t := s.tally
	n := &s.National
	fmt.Fprintf(w, "%s\n", lang.Data(s.Title))
	fmt.Fprintln(w, tr(t, i18n.SuData, s.Data.File, s.Data.Format, s.Data.SHA256[:12]))
	for _, g := range s.Data.Guesses {
		fmt.Fprintln(w, tr(t, i18n.SuNote, g))
	}
	if s.Data.Skipped > 0 {
		fmt.Fprintln(w, tr(t, i18n.SuSkipped, s.Data.Skipped))
	}
	den := tr(t, i18n.SuValidVotes)
	if s.Denominator == sim.OfCast.String() {
		den = tr(t, i18n.SuCastVotes)
	}
	fmt.Fprintf(w, "%s\n\n", tr(t, i18n.SuSharesOf, den))
	fmt.Fprintln(w, tr(t, i18n.SuNational, lang.Int(n.Units)+" "+plural(s.UnitLevel, n.Units)))
	tab := [][]string{{tr(t, i18n.SuCandidate), tr(t, i18n.SuVotes), tr(t, i18n.SuShare)}}
	for _, c := range n.Candidates {
		tab = append(tab, []string{c.Name, lang.Int(c.Votes), pct(c.Share)})
	}
	tab = append(tab, []string{tr(t, i18n.SuValidRow), lang.Int(n.Valid), ""}, []string{tr(t, i18n.SuNullRow), optInt(n.Null), ""}, []string{tr(t, i18n.SuBlankRow), optInt(n.Blank), ""})
	writeTable(w, tab)
	fmt.Fprintln(w)
	fmt.Fprintf(w, "%s\n", leaderSentence(t, n))
	if n.Turnout != nil {
		fmt.Fprintln(w, tr(t, i18n.SuTurnout, pct(*n.Turnout), lang.Int(*n.Registered)))
	} else {
		fmt.Fprintln(w, tr(t, i18n.SuTurnoutUnknown))
	}
	fmt.Fprintln(w, tr(t, i18n.SuCoverage, coverageSentence(t, n)))
	for _, c := range s.Claims {
		fmt.Fprint(w, tr(t, i18n.SuClaimed, lang.ClaimLabel(c.Label), c.Date))
		for _, v := range c.Votes {
			if v.Candidate != n.Leader && v.Candidate != n.RunnerUp {
				continue
			}
			if i, err := t.Candidate(v.Candidate); err == nil {
				fmt.Fprint(w, tr(t, i18n.SuClaimedVote, t.Candidates[i].Label(), lang.Int(v.Votes), lang.Int(n.Candidates[i].Votes)))
			}
		}
		fmt.Fprintln(w)
	}
	if len(s.Regions) == 0 {
		return nil
	}
	level := s.Level
	if lang != i18n.EN {
		level = i18n.LevelFor(s.Level).One(lang)
	}
	fmt.Fprintf(w, "\n%s\n", tr(t, i18n.SuBy, level, len(s.Regions)))
	a, b := n.MarginA, n.MarginB
	tab = [][]string{{level, plural(s.UnitLevel, 2), tr(t, i18n.SuColValid), a, b, tr(t, i18n.SuColLeader), tr(t, i18n.SuColMargin, a, b), "", tr(t, i18n.SuColTurnout), tr(t, i18n.SuColCoverage)}}
	ia, _ := t.Candidate(a)
	ib, _ := t.Candidate(b)
	for _, r := range s.Regions {
		turn := tr(t, i18n.SuNA)
		if r.Turnout != nil {
			turn = pct(*r.Turnout)
		}
		cov := tr(t, i18n.SuNA)
		if r.CoverageUnits != nil {
			cov = pct(*r.CoverageUnits)
		}
		lead := r.Leader
		if r.Tie {
			lead += tr(t, i18n.SuTie)
		}
		tab = append(tab, []string{r.Name, lang.Int(r.Units), lang.Int(r.Valid),
			pct(r.Candidates[ia].Share), pct(r.Candidates[ib].Share), lead, lang.SignedInt(r.MarginVotes), lang.PP(r.MarginPP, 2), turn, cov})
	}
	writeTable(w, tab)
	return nil
}

// writeTable prints rows with the first column left-aligned and the
// others right-aligned, two spaces apart, indented by two.
func writeTable(w io.Writer, rows [][]string) {
	var width []int
	for _, r := range rows {
		for i, c := range r {
			if i >= len(width) {
				width = append(width, 0)
			}
			width[i] = max(width[i], utf8.RuneCountInString(c))
		}
	}
	for _, r := range rows {
		var b strings.Builder
		b.WriteString(" ")
		for i, c := range r {
			pad := strings.Repeat(" ", width[i]-utf8.RuneCountInString(c))
			b.WriteString(" ")
			if i == 0 {
				b.WriteString(c + pad)
			} else {
				b.WriteString(" " + pad + c)
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}

// plural names n units of a level in the output's language.
func plural(unit string, n int64) string { return i18n.UnitsFor(unit).Name(lang, n) }

func optInt(p *int64) string {
	if p == nil {
		return lang.T(i18n.SuUnknown)
	}
	return lang.Int(*p)
}

func leaderSentence(t *sim.Tally, n *resultRow) string {
	name := func(id string) string {
		i, _ := t.Candidate(id)
		return t.Candidates[i].Label()
	}
	if n.RunnerUp == "" {
		return tr(t, i18n.SuOnly, name(n.Leader))
	}
	li, _ := t.Candidate(n.Leader)
	if n.Tie {
		return tr(t, i18n.SuTied, name(n.Leader), name(n.RunnerUp), lang.Int(n.Candidates[li].Votes))
	}
	ri, _ := t.Candidate(n.RunnerUp)
	d := n.Candidates[li].Votes - n.Candidates[ri].Votes
	pp := 100 * (n.Candidates[li].Share - n.Candidates[ri].Share)
	s := tr(t, i18n.SuLeads, name(n.Leader), name(n.RunnerUp), lang.Int(d), lang.Float(pp, 2))
	if n.MarginA != n.Leader || n.MarginB != n.RunnerUp {
		s += tr(t, i18n.SuMinus, name(n.MarginA), name(n.MarginB), lang.SignedInt(n.MarginVotes), lang.PP(n.MarginPP, 2))
	}
	return s
}

func coverageSentence(t *sim.Tally, n *resultRow) string {
	var parts []string
	if n.CoverageUnits != nil {
		parts = append(parts, tr(t, i18n.SuCovUnits, lang.Int(n.Units), lang.Int(n.ExpectedUnits), pct(*n.CoverageUnits)))
	} else {
		parts = append(parts, tr(t, i18n.SuCovUnitsNoExp, lang.Int(n.Units)+" "+plural(t.UnitLevel, n.Units)))
	}
	switch {
	case n.CoverageRegistered != nil:
		parts = append(parts, tr(t, i18n.SuCovRegistered, lang.Int(*n.Registered), lang.Int(n.ExpectedRegistered), pct(*n.CoverageRegistered)))
	case n.ExpectedRegistered > 0:
		parts = append(parts, tr(t, i18n.SuCovRegMissing, lang.Int(n.ExpectedRegistered)))
	}
	cast := n.Valid
	if n.Null != nil {
		cast += *n.Null
	}
	if n.Blank != nil {
		cast += *n.Blank
	}
	parts = append(parts, tr(t, i18n.SuCovCast, lang.Int(cast)))
	return strings.Join(parts, "; ")
}

// skippedComment is the CSV's first line when rows were skipped, so that
// the file itself says its totals leave them out: "# skipped 3 bad rows,
// left out of every total: V1.csv:12, V1.csv:40, V1.csv:41". A CSV reader
// that does not know comments fails on it rather than read totals short.
func (s *summaryOut) skippedComment() string {
	if len(s.Data.skipped) == 0 {
		return ""
	}
	var where []string
	for _, p := range s.Data.skipped {
		if len(where) == 10 {
			where = append(where, fmt.Sprintf("and %d more (listed on stderr)", len(s.Data.skipped)-10))
			break
		}
		where = append(where, fmt.Sprintf("%s:%d", p.File, p.Line))
	}
	return fmt.Sprintf("# skipped %d bad rows, left out of every total: %s\n", len(s.Data.skipped), strings.Join(where, ", "))
}

func (s *summaryOut) writeCSV(w io.Writer) error {
	if c := s.skippedComment(); c != "" {
		if _, err := io.WriteString(w, c); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	hdr := []string{"level", "key", "name", "units", "expected_units", "registered", "valid", "null", "blank"}
	for _, c := range s.National.Candidates {
		hdr = append(hdr, c.ID)
	}
	for _, c := range s.National.Candidates {
		hdr = append(hdr, c.ID+"_share")
	}
	hdr = append(hdr, "share_denominator", "leader", "runner_up", "margin", "margin_votes", "margin_pp", "turnout", "coverage_units")
	if err := cw.Write(hdr); err != nil {
		return err
	}
	opt := func(p *int64) string {
		if p == nil {
			return ""
		}
		return strconv.FormatInt(*p, 10)
	}
	optF := func(p *float64) string {
		if p == nil {
			return ""
		}
		return strconv.FormatFloat(*p, 'f', 6, 64)
	}
	den := "valid"
	if strings.Contains(s.Denominator, "cast") {
		den = "cast"
	}
	for _, r := range append([]resultRow{s.National}, s.Regions...) {
		rec := []string{r.Level, r.Key, r.Name, strconv.FormatInt(r.Units, 10), strconv.FormatInt(r.ExpectedUnits, 10), opt(r.Registered),
			strconv.FormatInt(r.Valid, 10), opt(r.Null), opt(r.Blank)}
		for _, c := range r.Candidates {
			rec = append(rec, strconv.FormatInt(c.Votes, 10))
		}
		for _, c := range r.Candidates {
			rec = append(rec, strconv.FormatFloat(c.Share, 'f', 6, 64))
		}
		rec = append(rec, den, r.Leader, r.RunnerUp, r.MarginA+"-"+r.MarginB, strconv.FormatInt(r.MarginVotes, 10),
			strconv.FormatFloat(r.MarginPP, 'f', 4, 64), optF(r.Turnout), optF(r.CoverageUnits))
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
