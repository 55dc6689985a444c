package load_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/load"
)

// ukLike is a first-past-the-post file in the shape of the UK's
// constituency results: a few parties with columns, and one column that
// adds up every other candidate. In two seats the lump is the largest
// column, although no single candidate in it came close.
const ukLike = "region,constituency,Con,Lab,LD,All other candidates\n" +
	"North,A,100,200,50,30\n" +
	"North,B,150,120,60,400\n" +
	"South,C,300,100,90,20\n" +
	"South,D,80,90,70,350\n"

// aggregates returns the IDs of t's aggregate candidates.
func aggregates(t *sim.Tally) []string {
	var out []string
	for _, c := range t.Candidates {
		if c.Aggregate {
			out = append(out, c.ID)
		}
	}
	return out
}

// TestLumpedColumns checks the ways a mapping marks a column that lumps
// several candidates, and that the mark reaches the tally and its
// leaders.
func TestLumpedColumns(t *testing.T) {
	const base = `"levels":["region","constituency"]`
	for _, tc := range []struct {
		name, mapping string
		want          []string // aggregate candidate IDs
		guessed       bool     // the report says it guessed
	}{
		{"guessed from the column's name", `{` + base + `,"candidates":["Con","Lab","LD","All other candidates"]}`, []string{"All other candidates"}, true},
		{"object form", `{` + base + `,"candidates":["Con","Lab","LD",{"column":"All other candidates","id":"oth","aggregate":true}]}`, []string{"oth"}, false},
		{"object form says it is one candidate", `{` + base + `,"candidates":["Con","Lab","LD",{"column":"All other candidates","aggregate":false}]}`, nil, false},
		{"others as a string names the column", `{` + base + `,"candidates":["Con","Lab","LD"],"others":"All other candidates"}`, []string{"All other candidates"}, false},
		{"others as an object with a column", `{` + base + `,"candidates":["Con","Lab","LD"],"others":{"column":"All other candidates","id":"oth","name":"Others"}}`, []string{"oth"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tl, rep, err := readString(t, ukLike, tc.mapping, false)
			require.NoError(t, err)
			assert.Equal(t, tc.want, aggregates(tl))
			assert.Equal(t, tc.guessed, strings.Contains(strings.Join(rep.Guesses, "\n"), "lumped together"), rep.Guesses)
			require.Len(t, tl.Candidates, 4)
			a := sim.Aggregate(tl)
			// Constituency B: the lump has 400, Con 150.
			b := a.Result(regionOf(t, tl, "B"))
			lead, run, _ := b.Leader()
			if tc.want == nil {
				assert.Equal(t, 3, lead, "counted as one candidate, the column leads B")
				return
			}
			assert.Equal(t, "Con", tl.Candidates[lead].ID, "B's leader")
			assert.Equal(t, "Lab", tl.Candidates[run].ID, "B's runner-up")
		})
	}
}

// regionOf returns the index of the region with the given key.
func regionOf(t *testing.T, tl *sim.Tally, key string) int {
	t.Helper()
	for i, r := range tl.Regions {
		if r.Key == key {
			return i
		}
	}
	t.Fatalf("no region %q", key)
	return -1
}

// TestTotalRemainderIsAggregate checks that the candidates derived from a
// total column (the US county layout's third parties) are a remainder.
func TestTotalRemainderIsAggregate(t *testing.T) {
	tl, _, err := readString(t, usHeader+"Alabama,01001,Autauga,100,90,500,0,0,0,0\n", "", false)
	require.NoError(t, err)
	assert.Equal(t, []string{"other"}, aggregates(tl))
	a := sim.Aggregate(tl)
	lead, run, _ := a.Nation.Leader()
	assert.Equal(t, "gop", tl.Candidates[lead].ID, "310 third-party votes do not lead")
	assert.Equal(t, "dem", tl.Candidates[run].ID)
}

// TestOthersMappingRefused checks that an "others" entry that would be
// ignored, or would count votes twice, is refused with a sentence.
func TestOthersMappingRefused(t *testing.T) {
	for _, tc := range []struct{ name, mapping, err string }{
		{"no column and no total", `{"levels":["region"],"candidates":["Con"],"others":{"name":"Others"}}`, `"others" names no column`},
		{"a column and a total", `{"levels":["region"],"candidates":["Con"],"total":"t","others":"All other candidates"}`, `counted twice`},
		{"the same column as a candidate", `{"levels":["region"],"candidates":["Con","All other candidates"],"others":"All other candidates"}`, `listed twice`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := load.ReadMapping(strings.NewReader(tc.mapping), "m.json")
			require.ErrorIs(t, err, load.ErrMapping)
			assert.Contains(t, err.Error(), tc.err)
		})
	}
}

// TestAggregateRoundTrip checks that the JSON interchange keeps the mark.
func TestAggregateRoundTrip(t *testing.T) {
	tl, _, err := readString(t, ukLike, `{"levels":["region"],"unit":"constituency","candidates":["Con","Lab","LD"],"others":"All other candidates"}`, false)
	require.NoError(t, err)
	var b strings.Builder
	require.NoError(t, load.WriteJSON(&b, tl))
	back, _, err := load.Read(strings.NewReader(b.String()), load.Options{Name: "t.json"})
	require.NoError(t, err)
	assert.Equal(t, []string{"All other candidates"}, aggregates(back))
}
