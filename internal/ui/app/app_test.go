package app

import (
	"errors"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/internal/shareddata"
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
	// counted 100 votes per table, 400 remaining votes too.
	tests := []struct {
		name     string
		acts     []Action
		total    []int64
		leader   int
		possible bool
	}{
		{"like region", []Action{SetMode{ModeLike}}, []int64{340 + 227, 215 + 143, 45 + 30}, 0, true},
		{"split all to runner-up, counted turnout", []Action{SetSplit{1}}, []int64{340, 215 + 400, 45}, 1, true},
		{"split half", []Action{SetSplit{0.5}}, []int64{340 + 177, 215 + 200, 45 + 23}, 0, true},
		{"worst case", []Action{SetMode{ModeWorst}}, []int64{340, 615, 45}, 1, true},
		{"swing to runner-up in counted tables", []Action{SetSwing{Which: 1, PP: 10}}, []int64{287, 275, 38}, 0, true},
		{"turnout change", []Action{SetTurnoutChange{Pct: 10}}, []int64{374, 237, 50}, 0, true},
		{"claim needs negative votes", []Action{SetClaim{0}}, []int64{300, 400, 50}, 1, false},
	}
	for _, tt := range tests {
		s := newFixtureState("")
		for _, a := range tt.acts {
			s.Apply(a)
		}
		s.Update(0)
		assert.Equal(t, tt.total, s.Out.Total, tt.name)
		assert.Equal(t, tt.leader, s.Out.Leader, tt.name)
		assert.Equal(t, tt.possible, s.Out.Possible(), tt.name)
	}
}

func TestClaimShortfall(t *testing.T) {
	s := newFixtureState("")
	s.Apply(SetClaim{0})
	s.Update(0)
	require.Len(t, s.Out.Impossible, 1)
	assert.Equal(t, Shortfall{Cand: 0, Votes: 300 - 340}, s.Out.Impossible[0])
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
	assert.Equal(t, "full=1&mode=split&region=2%2F201&split=0.734&swing=-2.5%2C0&turnout=7.5&view=units", frag)
	r := newFixtureState("#" + frag)
	assert.Equal(t, s.P, r.P)
	assert.Equal(t, s.View, r.View)
	assert.Equal(t, s.Region, r.Region)
	assert.Equal(t, s.Out.Total, r.Out.Total)
	assert.Equal(t, frag, r.Fragment())
	assert.Empty(t, r.Msg.Text)
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
	assert.Equal(t, Effect{EffectCopy, "https://example.org/app/#mode=split&split=1"}, e[1])
	assert.Contains(t, e[2].Arg, `<iframe src="https://example.org/app/#mode=split&amp;split=1"`)
	s.Update(0)
	e = s.Effects()
	require.Len(t, e, 1)
	assert.Equal(t, Effect{EffectFragment, "mode=split&split=1"}, e[0])
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
	a := newFixtureState("")
	b := newFixtureState("")
	a.View, b.View = ViewUncertainty, ViewUncertainty
	for !a.MC.Done() {
		a.Update(7)
	}
	for !b.MC.Done() {
		b.Update(500)
	}
	assert.Equal(t, a.MC.Margins, b.MC.Margins)
	assert.Len(t, a.MC.Margins, MCRuns)
	p := a.MC.WinProb()
	assert.Greater(t, p, 0.5)
	assert.LessOrEqual(t, p, 1.0)
	counts, lo, hi := a.MC.Histogram(20)
	sum := 0
	for _, c := range counts {
		sum += c
	}
	assert.Equal(t, MCRuns, sum)
	assert.Less(t, lo, 0.0)
	assert.Greater(t, hi, 0.0)
}

func TestSnapshot(t *testing.T) {
	s := newFixtureState("")
	sn := s.Snapshot(true, 3)
	assert.Equal(t, "EG", sn.Leader)
	assert.Equal(t, int64(340), sn.National[0].Votes)
	assert.InDelta(t, 0.6, sn.CoverageUnits, 1e-12)
	assert.Equal(t, 6, sn.Data.Units)
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
	assert.Equal(t, 25073, sn.Data.Units)
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
