package app

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/internal/shareddata"
	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/scenario"
	"github.com/tallyscope/tallyscope/sim/tallybin"
)

func TestBaseline(t *testing.T) {
	s := newFixtureState("")
	o := s.Out
	require.NotNil(t, o)
	assert.False(t, o.Active)
	assert.Equal(t, []int64{340, 215, 45}, o.Total)
	assert.Equal(t, int64(4), o.MissingUnits)
	assert.Equal(t, 0, o.Leader)
	assert.Equal(t, int64(125), o.Margin)
	assert.InDelta(t, 340.0/600, o.Share(0), 1e-12)
	assert.Equal(t, "", s.Fragment())
}

func TestScenarios(t *testing.T) {
	// 4 missing tables of 10; registered voters are unknown per table, so
	// the missing tables hold 1000×4/10 = 400 registered voters; at the
	// counted 100 votes per table, 400 remaining votes too. Exact totals
	// are given where the rule fixes them; where package scenario rounds
	// per unit or per region, the sums and the winner are checked.
	tests := []struct {
		name     string
		acts     []Action
		total    []int64
		valid    int64
		leader   int
		possible bool
	}{
		{"like region", []Action{SetMode{ModeLike}}, nil, 1000, 0, true},
		{"split all to runner-up, counted turnout", []Action{SetSplit{1}}, []int64{340, 215 + 400, 45}, 1000, 1, true},
		{"split half", []Action{SetSplit{0.5}}, nil, 1000, 0, true},
		{"worst case", []Action{SetMode{ModeWorst}}, []int64{340, 615, 45}, 1000, 1, true},
		{"swing to runner-up in counted tables", []Action{SetSwing{Which: 1, PP: 10}}, nil, 600, 0, true},
		{"turnout change", []Action{SetTurnoutChange{Pct: 10}}, nil, 660, 0, true},
		{"claim needs negative votes", []Action{SetClaim{0}}, []int64{300, 400, 50}, 750, 1, false},
	}
	for _, tt := range tests {
		s := newFixtureState("")
		for _, a := range tt.acts {
			s.Apply(a)
		}
		s.Update(0)
		if tt.total != nil {
			assert.Equal(t, tt.total, s.Out.Total, tt.name)
		}
		var sum int64
		for c, v := range s.Out.Total {
			sum += v
			assert.Equal(t, s.Out.Counted[c]+s.Out.Imputed[c], v, tt.name)
		}
		assert.Equal(t, tt.valid, sum, tt.name)
		assert.Equal(t, tt.leader, s.Out.Leader, tt.name)
		assert.Equal(t, tt.possible, s.Out.Possible(), tt.name)
	}
}

// TestSwingMovesPoints checks the swing in every counted table: Maduro
// gains 10 points of each table's valid vote.
func TestSwingMovesPoints(t *testing.T) {
	s := newFixtureState("")
	s.Apply(SetSwing{Which: 1, PP: 10})
	s.Update(0)
	assert.Equal(t, int64(215+60), s.Out.Counted[1])
}

// TestEveryNumberFromTheEngine: the outcome on screen is package
// scenario's outcome of State.Scenario, vote for vote, whatever the
// controls did.
func TestEveryNumberFromTheEngine(t *testing.T) {
	for _, acts := range [][]Action{nil, {SetSplit{1}}, {SetSplit{0.3}, SetSwing{0, -3}}, {SetMode{ModeWorst}}, {SetClaim{0}}, {SetSplit{1}, SetFullTurnout{true}}, {SetMode{ModeLike}, SetTurnoutChange{12.5}}, {SetSwing{1, 4}}} {
		s := newFixtureState("")
		for _, a := range acts {
			s.Apply(a)
		}
		s.Update(0)
		o, err := scenario.Run(s.Data.Tally, s.Scenario())
		require.NoError(t, err, "%+v", acts)
		assert.Equal(t, o.Counted, s.Out.Counted, "%+v", acts)
		assert.Equal(t, o.Imputed, s.Out.Imputed, "%+v", acts)
		assert.Equal(t, o.Total, s.Out.Total, "%+v", acts)
		assert.Equal(t, o.Winner, s.Out.Leader, "%+v", acts)
		assert.Equal(t, len(o.Flags) == 0, s.Out.Possible(), "%+v", acts)
		e, err := scenario.New(s.Data.Tally)
		require.NoError(t, err)
		b, err := e.BreakEven(s.Scenario())
		require.NoError(t, err)
		assert.Equal(t, b.Needed, s.Out.BreakEven, "%+v", acts)
	}
}

// TestCountedOnlyFollowsTheSwing: with the missing units left out, a
// swing or a turnout change still changes what the main panel shows.
func TestCountedOnlyFollowsTheSwing(t *testing.T) {
	s := newFixtureState("")
	assert.False(t, s.Out.Active, "the baseline")
	s.Apply(SetSwing{Which: 1, PP: 10})
	s.Update(0)
	assert.True(t, s.Out.Active, "a swing is a scenario")
	assert.Equal(t, ModeCounted, s.P.Mode)
	assert.Equal(t, int64(215+60), s.Out.Total[1])
	assert.Equal(t, s.Out.Counted, s.Out.Total, "nothing is imputed")
	s.Apply(SetSwing{Which: 1, PP: 0})
	s.Update(0)
	assert.False(t, s.Out.Active)
}

func TestClaimShortfall(t *testing.T) {
	s := newFixtureState("")
	s.Apply(SetClaim{0})
	s.Update(0)
	require.Len(t, s.Out.Impossible, 1)
	assert.Equal(t, Shortfall{Cand: 0, Votes: 300 - 340}, s.Out.Impossible[0])
}

// TestClaimMoreThanRegistered checks a claim that needs more votes than
// the missing tables have voters.
func TestClaimMoreThanRegistered(t *testing.T) {
	tl := fixture()
	tl.Claims[0].Votes = []sim.ClaimVote{{Candidate: "NM", Votes: 900}, {Candidate: "EG", Votes: 400}}
	tl.Claims[0].Others = 45
	d, err := NewDataset(tl, "fixture.json")
	require.NoError(t, err)
	s := New(d, i18n.EN, "mode=claim")
	s.Update(0)
	// 60 + 685 + 0 = 745 votes for 400 missing registered voters.
	assert.Empty(t, s.Out.Impossible)
	assert.InDelta(t, 745.0/400, s.Out.TurnoutNeeded, 1e-9)
	assert.False(t, s.Out.Possible())
}

func TestBreakEven(t *testing.T) {
	s := newFixtureState("")
	s.Apply(SetSplit{0})
	s.Update(0)
	require.True(t, s.Out.BreakEvenOK)
	x := s.Out.BreakEven
	// Just below the break-even the leader keeps the lead; just above, the
	// runner-up takes it.
	s.Apply(SetSplit{x - 0.01})
	s.Update(0)
	assert.Equal(t, 0, s.Out.Leader, "below %v", x)
	s.Apply(SetSplit{x + 0.01})
	s.Update(0)
	assert.Equal(t, 1, s.Out.Leader, "above %v", x)
}

func TestFragmentRoundTrip(t *testing.T) {
	s := newFixtureState("")
	s.Apply(Batch{SetSplit{0.734}, SetFullTurnout{true}, SetSwing{0, -2.5}, SetTurnoutChange{7.5}, SetView{ViewUnits}, DrillDown{Region: 3}, SetView{ViewUnits}})
	s.Update(0)
	frag := s.Fragment()
	str := s.ScenarioString()
	require.True(t, strings.HasPrefix(str, "s1."), str)
	assert.Equal(t, "region=2%2F201&s="+str+"&view=units", frag)
	sc, err := scenario.Decode(str)
	require.NoError(t, err)
	assert.Equal(t, scenario.EngineVersion, sc.Engine)
	assert.Equal(t, s.Data.Tally.Digest.String(), sc.Data)
	r := newFixtureState("#" + frag)
	assert.Equal(t, s.P, r.P)
	assert.Equal(t, s.Scenario(), r.Scenario())
	assert.Equal(t, s.View, r.View)
	assert.Equal(t, s.Region, r.Region)
	assert.Equal(t, s.Out.Total, r.Out.Total)
	assert.Equal(t, frag, r.Fragment())
	assert.Empty(t, r.Msg.Text)
}

// TestFragmentBefore: a fragment written before the fragment held the
// scenario string still restores, through the controls' own edits.
func TestFragmentBefore(t *testing.T) {
	old := newFixtureState("full=1&mode=split&region=2%2F201&split=0.734&swing=-2.5%2C0&turnout=7.5&view=units")
	s := newFixtureState("")
	s.Apply(Batch{SetSplit{0.734}, SetFullTurnout{true}, SetSwing{0, -2.5}, SetTurnoutChange{7.5}, DrillDown{Region: 3}, SetView{ViewUnits}})
	s.Update(0)
	assert.Empty(t, old.Msg.Text)
	assert.Equal(t, s.Scenario(), old.Scenario())
	assert.Equal(t, s.P, old.P)
	assert.Equal(t, s.Fragment(), old.Fragment())
}

// TestFragmentScenarioRefused: a scenario string that does not decode, or
// names a candidate the data does not have, is refused with a message;
// the view part still applies.
func TestFragmentScenarioRefused(t *testing.T) {
	other := scenario.Scenario{Missing: scenario.MissingSplit, Split: &scenario.Split{Candidate: "Nobody", Share: 0.5}}
	counted := scenario.Scenario{Counted: &scenario.Claim{Votes: []scenario.Vote{{Candidate: "EG", Votes: 1}}}, Reported: 0.5}
	for _, str := range []string{"s1.garbage", "s2.AAAA", other.String(), counted.String()} {
		s := newFixtureState("view=units&s=" + str)
		assert.Equal(t, ViewUnits, s.View, str)
		assert.Equal(t, scenario.Scenario{}, s.Scenario(), str)
		assert.True(t, s.Msg.Err, str)
		assert.Contains(t, s.Msg.Text, "Ignored the link's scenario", str)
	}
}

// TestFragmentFromTheCommandLine: a scenario string made elsewhere, with
// settings no control shows, is applied as it is, and the message says
// that Reset clears them; one made for other data is applied with a
// warning.
func TestFragmentFromTheCommandLine(t *testing.T) {
	sc := scenario.Scenario{Missing: scenario.MissingLikeRegion, MinUnits: 2, Swings: []scenario.Swing{{Candidate: "NM", PP: 3, Level: "state", Region: "Zulia"}}}
	s := newFixtureState("s=" + sc.String())
	assert.Equal(t, sc, s.Scenario())
	assert.Equal(t, ModeLike, s.P.Mode)
	assert.Equal(t, [2]float64{}, s.P.SwingPP, "a regional swing is on no slider")
	assert.False(t, s.Msg.Err)
	assert.Contains(t, s.Msg.Text, "Reset clears them")
	o, err := scenario.Run(s.Data.Tally, sc)
	require.NoError(t, err)
	assert.Equal(t, o.Total, s.Out.Total)
	s.Apply(ResetScenario{})
	s.Update(0)
	assert.Equal(t, scenario.Scenario{}, s.Scenario())
	assert.Equal(t, "", s.Fragment())

	bare := newFixtureState(sc.String())
	assert.Equal(t, sc, bare.Scenario(), "a bare string, as the command line prints it")

	stamped := scenario.Scenario{Missing: scenario.MissingWorstCase}.Stamp("0123")
	w := newFixtureState("s=" + stamped.String())
	assert.Equal(t, ModeWorst, w.P.Mode)
	assert.True(t, w.Msg.Err)
	assert.Contains(t, w.Msg.Text, "made for other data")
}

func TestFragmentBad(t *testing.T) {
	s := newFixtureState("mode=teleport&split=2&swing=x&claim=9&region=9/9&view=units")
	assert.Equal(t, Params{}, s.P)
	assert.Equal(t, ViewUnits, s.View)
	assert.True(t, s.Msg.Err)
	assert.Contains(t, s.Msg.Text, "mode, split, swing, claim, region")
}

func TestLoadFileBadKeepsData(t *testing.T) {
	s := newFixtureState("")
	before := s.Data
	s.Apply(LoadFile{Name: "junk.csv", Data: []byte("hello,world\n1,2\n")})
	assert.Same(t, before, s.Data)
	assert.True(t, s.Msg.Err)
	assert.Contains(t, s.Msg.Text, "junk.csv")
	s.Apply(LoadFile{Name: "remote.csv", Err: errors.New("404 Not Found")})
	assert.Same(t, before, s.Data)
	assert.Contains(t, s.Msg.Text, "404")
	s.Lang = i18n.ES
	s.Apply(LoadFile{Name: "empty.csv"})
	assert.Contains(t, s.Msg.Text, "No se pudo leer empty.csv")
}

func TestEffects(t *testing.T) {
	s := newFixtureState("")
	s.Effects()
	s.Origin = "https://example.org/app/"
	s.Apply(OpenSource{Unit: 0})
	s.Apply(OpenSource{Unit: 3}) // javascript: is never opened
	s.Apply(SetSplit{1})
	s.Apply(CopyLink{})
	s.Apply(ShowEmbed{On: true})
	e := s.Effects()
	require.Len(t, e, 3)
	assert.Equal(t, Effect{EffectOpenURL, "https://example.org/101-01.jpg"}, e[0])
	link := "https://example.org/app/?lang=en#s=" + s.ScenarioString()
	assert.Equal(t, Effect{EffectCopy, link}, e[1])
	assert.Contains(t, e[2].Arg, `<iframe src="`+link+`"`)
	assert.Contains(t, e[2].Arg, `width="100%"`)
	assert.Regexp(t, `id="tallyscope-[0-9a-f]{8}" name="tallyscope-[0-9a-f]{8}" data-tallyscope`, e[2].Arg)
	assert.Contains(t, e[2].Arg, "\n<script async src=\"https://example.org/app/embed.js\"></script>")
	s.Update(0)
	e = s.Effects()
	require.Len(t, e, 1)
	assert.Equal(t, Effect{EffectFragment, "s=" + s.ScenarioString()}, e[0])
}

func TestSearchAndDrill(t *testing.T) {
	s := newFixtureState("")
	assert.Equal(t, []int{1}, s.Data.Search("zUlIa", 10))
	assert.Equal(t, []int{2}, s.Data.Search("bolivar", 10), "accents folded")
	assert.Equal(t, []int{0, 1, 2, 3}, s.Data.Search("l", 10), "outer levels first")
	s.Apply(DrillDown{Region: 3})
	s.Apply(DrillUp{})
	assert.Equal(t, 1, s.Region)
	s.Apply(DrillUp{})
	assert.Equal(t, -1, s.Region)
	s.Apply(DrillDown{Region: 99})
	assert.Equal(t, -1, s.Region)
}

func TestMonteCarloDeterministic(t *testing.T) {
	a := newFixtureState("view=uncertainty")
	b := newFixtureState("view=uncertainty")
	require.NotNil(t, a.MC)
	require.NoError(t, a.MC.Err)
	for !a.MC.Done() {
		a.MC.Step(7)
	}
	for !b.MC.Done() {
		b.MC.Step(500)
	}
	assert.Equal(t, a.MC.MarginsPP(), b.MC.MarginsPP())
	assert.Len(t, a.MC.MarginsPP(), MCRuns)
	p := a.MC.WinProb(a.MC.Lead)
	assert.Greater(t, p, 0.5)
	assert.LessOrEqual(t, p, 1.0)
	h := a.MC.Histogram()
	sum := 0
	for _, c := range h.Counts {
		sum += c
	}
	assert.Equal(t, MCRuns, sum)
	assert.Len(t, h.Counts, 60, "the default bins, as the saved chart has")
	// It only advances in the Uncertainty view.
	c := newFixtureState("")
	c.Update(time.Second)
	assert.Nil(t, c.MC, "no simulation until the view is shown")
	c.Apply(SetView{ViewUncertainty})
	c.Update(time.Millisecond)
	assert.Greater(t, c.MC.Completed(), 0)
}

func TestSnapshot(t *testing.T) {
	s := newFixtureState("")
	sn := s.Snapshot(true, 3)
	assert.Equal(t, "EG", sn.Leader)
	assert.Equal(t, int64(340), sn.National[0].Votes)
	assert.InDelta(t, 0.6, sn.CoverageUnits, 1e-12)
	assert.Equal(t, int64(6), sn.Data.Units)
	assert.Equal(t, 6, sn.Data.Rows)
	assert.Contains(t, s.Snapshot(true, 3).JSON(), `"ready":true`)
}

// TestVenezuelaV2 checks the figures a new user must see, on the real
// per-table file.
func TestVenezuelaV2(t *testing.T) {
	path := shareddata.Path(t, "venezuela-2024/RESULTADOS_2024_CSV_V2.csv")
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	d, err := Load(b, "RESULTADOS_2024_CSV_V2.csv")
	require.NoError(t, err)
	s := New(d, i18n.EN, "")
	s.Update(0)
	sn := s.Snapshot(true, 1)
	assert.Equal(t, int64(25073), sn.Data.Units)
	assert.Equal(t, 25073, sn.Data.Rows)
	assert.Equal(t, int64(7303480), sn.National[0].Votes)
	assert.Equal(t, int64(3316142), sn.National[1].Votes)
	assert.Equal(t, "67.08%", i18n.EN.Percent(sn.National[0].Share, 2))
	assert.Equal(t, "30.46%", i18n.EN.Percent(sn.National[1].Share, 2))
	assert.Equal(t, "83.50%", i18n.EN.Percent(sn.CoverageUnits, 2))
	assert.True(t, d.PerUnit)
	assert.Len(t, d.Points, 25073)

	s.Apply(SetSplit{1})
	s.Apply(SetFullTurnout{true})
	s.Update(0)
	assert.Equal(t, 0, s.Out.Leader, "González stays ahead with every missing vote for Maduro")
	assert.Greater(t, s.Out.Margin, int64(0))
	assert.False(t, s.Out.BreakEvenOK)

	s.Apply(SetClaim{1})
	s.Update(0)
	assert.False(t, s.Out.Possible(), "the CNE's 2nd bulletin needs negative votes for González")
}

// BenchmarkRecomputeV2 measures one slider step's recomputation (the
// scenario engine's outcome and break-even) with the per-table file V2.
func BenchmarkRecomputeV2(b *testing.B) {
	raw, err := os.ReadFile(shareddata.Path(b, "venezuela-2024/RESULTADOS_2024_CSV_V2.csv"))
	require.NoError(b, err)
	d, err := Load(raw, "RESULTADOS_2024_CSV_V2.csv")
	require.NoError(b, err)
	s := New(d, i18n.EN, "")
	s.Update(0)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s.Apply(SetSplit{Share: float64(i%100) / 100})
		s.Update(0)
	}
}

const mappingJSON = `{
  "title": "Test election",
  "levels": ["region"],
  "unit_level": "precinct",
  "unit": "station",
  "registered": "electors",
  "candidates": ["party_a", {"column": "party_b", "name": "Party B"}],
  "expected": {"units": 4}
}`

const mappedCSV = "region,station,electors,party_a,party_b\nNorth,1,100,40,30\nNorth,2,120,50,20\nSouth,1,90,20,50\n"

// TestMappingFile loads a CSV through a mapping file, dropped together or
// one after the other.
func TestMappingFile(t *testing.T) {
	for _, order := range []string{"together", "mapping first", "csv first"} {
		s := newFixtureState("")
		m := LoadFile{Name: "map.json", Data: []byte(mappingJSON)}
		c := LoadFile{Name: "results.csv", Data: []byte(mappedCSV)}
		switch order {
		case "together":
			s.Apply(LoadFiles{c, m})
		case "mapping first":
			s.Apply(m)
			assert.Contains(t, s.Msg.Text, "Read the mapping map.json", order)
			s.Apply(c)
		case "csv first":
			s.Apply(c)
			assert.True(t, s.Msg.Err, "a CSV of unknown shape is refused")
			assert.Equal(t, "fixture.json", s.Data.Name)
			s.Apply(m)
			s.Apply(c)
		}
		require.Equal(t, "results.csv", s.Data.Name, order)
		assert.Len(t, s.Data.Tally.Units, 3, order)
		assert.Equal(t, []int64{110, 100}, s.Data.Agg.Nation.Votes, order)
		assert.Equal(t, "precinct", s.Data.Tally.UnitLevel)
		assert.Contains(t, s.Msg.Text, "Columns from map.json", order)
	}
}

// TestSheetsOnDemand follows data whose sheet links come apart: the
// overview does not want them, the Regions view below the country does;
// a sheet asked for before they arrive opens when they do; a file that
// does not fit is a message on screen, and the data keeps its numbers.
func TestSheetsOnDemand(t *testing.T) {
	full := fixture()
	links := tallybin.MarshalSources(full)
	s := newFixtureState("")
	for i := range s.Data.Tally.Units {
		s.Data.Tally.Units[i].Source = ""
	}
	s.Data.SheetsPending = true
	assert.False(t, s.WantsSheets(), "the overview offers no sheet")
	s.Apply(SetView{View: ViewRegions})
	assert.False(t, s.WantsSheets(), "the country's regions offer no sheet")
	s.Apply(DrillDown{Region: 0})
	assert.True(t, s.WantsSheets(), "below the country, rows end in tables")
	s.Effects()
	s.Apply(OpenSource{Unit: 0})
	assert.Empty(t, s.Effects(), "nothing to open yet")
	s.Apply(AttachSheets{Data: s.Data, B: links})
	assert.False(t, s.Data.SheetsPending)
	assert.False(t, s.WantsSheets())
	assert.Equal(t, []Effect{{EffectOpenURL, "https://example.org/101-01.jpg"}}, s.Effects(), "the sheet asked for opens when the links arrive")
	assert.Equal(t, full.Units, s.Data.Tally.Units)

	s = newFixtureState("")
	s.Data.Tally.Units[0].Source = ""
	s.Data.SheetsPending = true
	s.Lang = i18n.ES
	s.Apply(AttachSheets{Data: s.Data, B: links[:len(links)-1]})
	assert.True(t, s.Msg.Err)
	assert.Contains(t, s.Msg.Text, "No se pudieron cargar los enlaces a las actas escaneadas")
	assert.Empty(t, s.Data.Tally.Units[0].Source)
	s.Data.SheetsPending = true
	s.Apply(AttachSheets{Data: s.Data, Err: errors.New("404 Not Found")})
	assert.Contains(t, s.Msg.Text, "404 Not Found")
}
