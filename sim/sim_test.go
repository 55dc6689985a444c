package sim_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/sim"
)

// fixture: two states, three districts, five units.
func fixture() *sim.Tally {
	return &sim.Tally{
		Levels:     []string{"state", "district"},
		UnitLevel:  "table",
		Candidates: []sim.Candidate{{ID: "A", Name: "Ana Núñez"}, {ID: "B", Name: "Beto Pérez"}, {ID: "C", Name: "Carla"}},
		Regions: []sim.Region{
			{Level: 0, Key: "10", Name: "North", Parent: -1},
			{Level: 0, Key: "2", Name: "South", Parent: -1},
			{Level: 1, Key: "1", Name: "N1", Parent: 0},
			{Level: 1, Key: "1", Name: "S1", Parent: 1},
			{Level: 1, Key: "2", Name: "S2", Parent: 1},
		},
		Units: []sim.Unit{
			{ID: "1", Region: 2, Registered: 100, Votes: []int64{30, 20, 5}, Null: 1, Blank: sim.Unknown},
			{ID: "2", Region: 2, Registered: sim.Unknown, Votes: []int64{10, 10, 0}, Null: 0, Blank: sim.Unknown},
			{ID: "1", Region: 3, Registered: 50, Votes: []int64{5, 25, 0}, Null: 2, Blank: sim.Unknown},
			{ID: "1", Region: 4, Registered: 80, Votes: []int64{20, 20, 10}, Null: sim.Unknown, Blank: sim.Unknown},
			{ID: "2", Region: 4, Registered: 60, Votes: []int64{0, 0, 0}, Null: 0, Blank: sim.Unknown, Count: 3},
		},
		Expected: []sim.Expectation{{Region: -1, Units: 10, Registered: 400}, {Region: 1, Units: 6}},
	}
}

func TestAggregate(t *testing.T) {
	tl := fixture()
	require.NoError(t, tl.Validate())
	a := sim.Aggregate(tl)
	n := &a.Nation
	assert.Equal(t, []int64{65, 75, 15}, n.Votes)
	assert.Equal(t, int64(155), n.Valid)
	assert.Equal(t, int64(7), n.Units, "a unit with Count 3 stands for three")
	assert.Equal(t, int64(3), n.Null)
	assert.Equal(t, int64(6), n.NullUnits)
	assert.Equal(t, int64(290), n.Registered)
	assert.Equal(t, int64(6), n.RegisteredUnits)
	assert.Equal(t, int64(56+30+2+50+0), n.CastRegistered)
	turnout, ok := n.Turnout()
	require.True(t, ok)
	assert.InDelta(t, 138.0/290, turnout, 1e-12)
	assert.InDelta(t, 75.0/155, n.Share(1, sim.OfValid), 1e-12)
	assert.InDelta(t, 75.0/158, n.Share(1, sim.OfCast), 1e-12)
	votes, pp := n.Margin(1, 0, sim.OfValid)
	assert.Equal(t, int64(10), votes)
	assert.InDelta(t, 100*10.0/155, pp, 1e-9)
	lead, run, tie := n.Leader()
	assert.Equal(t, []any{1, 0, false}, []any{lead, run, tie})

	// Levels are sorted numerically by key: "2" before "10".
	assert.Equal(t, []int{1, 0}, a.Level(0))
	assert.Equal(t, []int{3, 4}, a.Children(1))
	south := a.Result(1)
	assert.Equal(t, []int64{25, 45, 10}, south.Votes)
	cov := south.Coverage()
	assert.Equal(t, int64(5), cov.Units)
	f, ok := cov.UnitsFraction()
	require.True(t, ok)
	assert.InDelta(t, 5.0/6, f, 1e-12)
	_, ok = cov.RegisteredFraction()
	assert.False(t, ok, "no registered expectation for South")
	nf, _ := n.Coverage().RegisteredFraction()
	assert.InDelta(t, 290.0/400, nf, 1e-12)
}

func TestLeaderTieRule(t *testing.T) {
	for _, tc := range []struct {
		votes     []int64
		lead, run int
		tie       bool
	}{
		{[]int64{5, 5, 1}, 0, 1, true},
		{[]int64{1, 5, 5}, 1, 2, true},
		{[]int64{3, 1, 7}, 2, 0, false},
		{[]int64{0, 0, 0}, 0, 1, true},
		{[]int64{9}, 0, -1, false},
	} {
		tot := sim.Totals{Votes: tc.votes}
		lead, run, tie := tot.Leader()
		assert.Equal(t, []any{tc.lead, tc.run, tc.tie}, []any{lead, run, tie}, "votes %v", tc.votes)
	}
}

func TestLookups(t *testing.T) {
	tl := fixture()
	for _, tc := range []struct {
		q    string
		want int
		ok   bool
	}{
		{"A", 0, true}, {"b", 1, true}, {"nunez", 0, true}, {"Pérez", 1, true}, {"perez", 1, true},
		{"carla", 2, true}, {"a", 0, true}, {"zz", -1, false}, {"", -1, false},
	} {
		i, err := tl.Candidate(tc.q)
		if tc.ok {
			require.NoError(t, err, tc.q)
			assert.Equal(t, tc.want, i, tc.q)
		} else {
			assert.ErrorIs(t, err, sim.ErrCandidate, tc.q)
		}
	}
	for _, tc := range []struct {
		q    string
		want int
	}{{"state", 0}, {"District", 1}, {"dist", 1}, {"table", 2}, {"nation", -1}} {
		l, err := tl.LevelIndex(tc.q)
		require.NoError(t, err, tc.q)
		assert.Equal(t, tc.want, l, tc.q)
	}
	_, err := tl.LevelIndex("county")
	assert.ErrorIs(t, err, sim.ErrUnknownLevel)
	assert.Equal(t, []int{1, 4}, tl.RegionPath(4))
	assert.Equal(t, 1, tl.UnitRegion(3, 0))
}

func TestValidateRejects(t *testing.T) {
	for name, mutate := range map[string]func(*sim.Tally){
		"no candidates":       func(t *sim.Tally) { t.Candidates = nil },
		"duplicate candidate": func(t *sim.Tally) { t.Candidates[1].ID = "A" },
		"short votes":         func(t *sim.Tally) { t.Units[0].Votes = []int64{1} },
		"negative votes":      func(t *sim.Tally) { t.Units[0].Votes[2] = -1 },
		"unit in a state":     func(t *sim.Tally) { t.Units[0].Region = 0 },
		"parent after child":  func(t *sim.Tally) { t.Regions[2].Parent = 4 },
		"bad expectation":     func(t *sim.Tally) { t.Expected[0].Region = 99 },
		"negative registered": func(t *sim.Tally) { t.Units[0].Registered = -5 },
	} {
		tl := fixture()
		mutate(tl)
		assert.Error(t, tl.Validate(), name)
	}
}

func TestCollapse(t *testing.T) {
	tl := fixture()
	c, err := sim.Collapse(tl, 0)
	require.NoError(t, err)
	require.NoError(t, c.Validate())
	a, b := sim.Aggregate(tl), sim.Aggregate(c)
	assert.Equal(t, a.Nation.Totals, b.Nation.Totals, "collapsing keeps every total")
	assert.Equal(t, a.Result(1).Totals, b.Result(1).Totals)
	// One summed unit per region and pattern of unknowns: North has one
	// unit with and one without registered voters; South one with null
	// votes known and one without.
	assert.Len(t, c.Units, 4)
	assert.Equal(t, "South: 4 tables with registered voters", c.Units[2].Name)
	assert.Equal(t, []string{"state"}, c.Levels)
	assert.Equal(t, tl.Expected, c.Expected)
	_, err = sim.Collapse(tl, 5)
	assert.ErrorIs(t, err, sim.ErrUnknownLevel)
}

func TestFold(t *testing.T) {
	assert.Equal(t, "nunez perez", sim.Fold("Núñez PÉREZ"))
}

func TestAggregateIntoReuses(t *testing.T) {
	tl := fixture()
	a := sim.Aggregate(tl)
	want := a.Nation.Totals
	want.Votes = append([]int64(nil), want.Votes...)
	tl.Units[0].Votes[0] += 100
	b := sim.AggregateInto(a, tl)
	assert.Same(t, a, b, "same shape: memory reused")
	assert.Equal(t, want.Votes[0]+100, b.Nation.Votes[0])
	assert.Equal(t, []int{1, 0}, b.Level(0))
	other := fixture()
	other.Candidates = other.Candidates[:2]
	for i := range other.Units {
		other.Units[i].Votes = other.Units[i].Votes[:2]
	}
	c := sim.AggregateInto(b, other)
	assert.NotSame(t, b, c, "another shape gets new memory")
	assert.Len(t, c.Nation.Votes, 2)
}
