package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/internal/shareddata"
	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/load"
	"github.com/tallyscope/tallyscope/sim/scenario"
)

// scenarioFixture writes a small tally in Tallyscope's JSON form: two
// states, five tables, X 160, Y 220, Z 40 counted, 8 tables and 1,000
// registered voters expected, and one claim.
func scenarioFixture(t *testing.T) string { return scenarioFixtureExp(t, true) }

func scenarioFixtureExp(t *testing.T, withExpectation bool) string {
	t.Helper()
	tl := &sim.Tally{
		Title:     "fixture",
		Levels:    []string{"state"},
		UnitLevel: "table",
		Candidates: []sim.Candidate{
			{ID: "X", Name: "Xavier Xu"}, {ID: "Y", Name: "Yolanda Yu"}, {ID: "Z", Name: "Zed Zee"},
		},
		Regions: []sim.Region{{Level: 0, Key: "1", Name: "Alpha", Parent: -1}, {Level: 0, Key: "2", Name: "Beta", Parent: -1}},
		Units: []sim.Unit{
			{ID: "t1", Region: 0, Registered: 100, Votes: []int64{40, 20, 0}, Null: 0, Blank: sim.Unknown},
			{ID: "t2", Region: 0, Registered: 100, Votes: []int64{30, 30, 10}, Null: 0, Blank: sim.Unknown},
			{ID: "t3", Region: 0, Registered: 200, Votes: []int64{60, 80, 20}, Null: 0, Blank: sim.Unknown},
			{ID: "t4", Region: 1, Registered: 100, Votes: []int64{10, 50, 0}, Null: 0, Blank: sim.Unknown},
			{ID: "t5", Region: 1, Registered: 100, Votes: []int64{20, 40, 10}, Null: 0, Blank: sim.Unknown},
		},
		Expected: []sim.Expectation{{Region: -1, Units: 8, Registered: 1000}},
		Claims: []sim.Claim{{Label: "Council bulletin", Votes: []sim.ClaimVote{{Candidate: "X", Votes: 90}, {Candidate: "Y", Votes: 520}},
			Others: 80, Valid: sim.Unknown, Null: sim.Unknown, Reported: 0.9, Decimals: -1}},
	}
	if !withExpectation {
		tl.Expected = nil
	}
	var b bytes.Buffer
	require.NoError(t, load.WriteJSON(&b, tl))
	p := filepath.Join(t.TempDir(), "fixture.json")
	require.NoError(t, os.WriteFile(p, b.Bytes(), 0o644))
	return p
}

func TestScenarioCommandFixture(t *testing.T) {
	f := scenarioFixture(t)
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"baseline", []string{"scenario", f}, []string{
			"In the counted tables Yolanda Yu leads Xavier Xu by 60 votes (52.38% to 38.10%, 14.29 points).",
		}},
		{"worst case", []string{"scenario", "--missing", "worst-case", f}, []string{
			"If every one of the 400 missing registered voters voted for Xavier Xu, Xavier Xu would win by 340 votes (560 to 220).",
			"Assumption: the worst case for Yolanda Yu: every remaining vote to Xavier Xu; the remaining 400 valid votes are 100% turnout of the missing registered voters.",
		}},
		{"like region", []string{"scenario", "--missing", "like-region", "--level", "state", f}, []string{
			"If the 3 missing tables voted like the regions around them, Yolanda Yu would win",
			"the remaining 280 valid votes are the counted turnout applied to the missing registered voters",
			"By state (counted + missing):",
		}},
		// The bulletin counts 90% of the 8 tables (7, rounded down) and the
		// data 5, so at least 4 are in both; Xavier Xu's 4 smallest counted
		// tables hold 10+20+30+40 = 100 votes, more than the 90 it gives.
		{"partial claim by label", []string{"scenario", "--missing", "claim", "--claim", "council", f}, []string{
			"Council bulletin cannot be reconciled with the counted tables. Council bulletin counts 90 votes for Xavier Xu, but Xavier Xu has at least 100 in any 4 of the counted tables: impossible by arithmetic alone.",
			"Assumption: none about the missing tables. Council bulletin counts only 90.00% of the tables, so it is compared with the counted tables",
			"  - Council bulletin counts 7 tables (90.00% of 8 tables) and the data 5 tables, so at least 4 tables are in both",
			"  - what rules out Xavier Xu's count holds as long as Council bulletin covers at least 87.50% of the tables",
			"Xavier Xu                               160              0            160   38.10%",
		}},
		{"final claim", []string{"scenario", "--missing", "claim", "--claim", "X=100,Y=520,others=80", f}, []string{
			"The claim cannot be reconciled with the counted tables. Xavier Xu would need -60 votes in the missing tables",
			"IMPOSSIBLE: Yolanda Yu would need 300 votes in the missing tables, 107.14% of the 280 remaining valid votes.",
		}},
		{"claim by names", []string{"scenario", "--missing", "claim", "--claim", "xavier=250,Y=350,others=60", f}, []string{
			"For the claim to be true, the missing tables would need 240 valid votes, split as below; nothing in that is impossible.",
		}},
		{"split", []string{"scenario", "--split", "Z=50,X=1,Y=3", "--remaining", "full", f}, []string{
			"If the 3 missing tables split 50.0% for Zed Zee",
		}},
		{"swing and turnout", []string{"scenario", "--swing", "X:+10:Y", "--turnout", "+0", f}, []string{
			"After the changes below, in the counted tables Xavier Xu leads Yolanda Yu by 24 votes",
			// The changes are stated, and counted stays the data's count.
			"Changes to the counted tables: Xavier Xu +10.00 points of the valid vote, taken from Yolanda Yu.",
			"candidate                           counted       change        missing          total    share",
		}},
		{"regional swing", []string{"scenario", "--swing", "X:+10:Y", "--region", "state=beta", f}, []string{
			"Xavier Xu                               160          +13              0            173   41.19%",
			"taken from Yolanda Yu (only in state beta).",
		}},
		{"core words in Spanish", []string{"scenario", "--lang", "es", "--swing", "X:+10:Y", "--turnout", "x1.5", f}, []string{
			"Cambios en las mesas contadas: Xavier Xu +10,00 puntos del voto válido, tomados de Yolanda Yu; participación votos ×1,5.",
			"candidato                           contado       cambio       faltante          total    porc.",
			"Para reproducirlo: tallyscope scenario --scenario s1.",
		}},
		{"monte carlo", []string{"scenario", "--missing", "like-region", "--montecarlo", "2000", "--seed", "3", f}, []string{
			"Monte Carlo, seed 3: Yolanda Yu wins in ",
			" of 2,000 runs",
			"Margin of Yolanda Yu over Xavier Xu, 90% interval:",
			"Model: each missing table (known only by number in its region) is predicted from the counted tables",
		}},
		{"monte carlo, too few runs", []string{"scenario", "--missing", "like-region", "--montecarlo", "200", "--seed", "3", f}, []string{
			"Monte Carlo, 200 runs, seed 3: too few runs to state a probability or an interval (at least 400).",
		}},
		{"quick count", []string{"scenario", "--quick-count", f}, []string{
			"As a quick count of 5 of 8 tables (1 strata), the sampling error (95%) is:",
			"Xavier Xu: 38.10% ± 7.26 points",
		}},
		{"breakeven", []string{"breakeven", "--remaining", "full", f}, []string{
			"Xavier Xu would need 52.74% of the remaining 400 valid votes (100% turnout of the missing registered voters) to tie Yolanda Yu, who leads by 60 votes, if the other candidates keep their 9.52%. That is possible, so Yolanda Yu's lead is not mathematically irreversible.",
			"The smallest uniform swing that changes the winner:",
		}},
		{"seats", []string{"scenario", "--seats", "--swing", "X:+10:Y", f}, []string{
			"Seats (one per counted table, first past the post; majority 5 of 8, 3 not counted):",
			"Xavier Xu                         3  (counted as reported: 1)",
			"Yolanda Yu                        2  (counted as reported: 3)",
			"Nobody holds a majority of the seats.",
			"2 tables change hands: t2 (tie to Xavier Xu), t3 (Yolanda Yu to Xavier Xu).",
		}},
		{"breakeven without expectations", []string{"breakeven", scenarioFixtureExp(t, false)}, []string{
			"Nothing is known about the units that are not in the data, so there is no break-even",
			"The smallest uniform swing that changes the winner:",
		}},
		{"breakeven by state", []string{"breakeven", "--remaining", "full", "--level", "state", f}, []string{
			"By state:",
			"Alpha",
		}},
		{"breakeven of a claim", []string{"breakeven", "--from-claim", "X=100,Y=200,others=0,reported=50%", f}, []string{
			"Xavier Xu would need 66.67% of the remaining 300 valid votes (the counted votes scaled to 100% from the 50.00% reported) to tie Yolanda Yu",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := runCLI(t, tt.args...)
			require.Equal(t, 0, code, "%v: %s", tt.args, errOut)
			for _, w := range tt.want {
				assert.Contains(t, out, w, "%v", tt.args)
			}
			assert.Contains(t, out, "tallyscope "+tt.args[0]+" --scenario s1.")
			if slices.Contains(tt.args, "es") {
				for _, en := range []string{"counted", "votes", "points", "Reproduce", "Changes", "turnout", "table"} {
					assert.NotContains(t, out, en, "English in the Spanish text")
				}
			}
		})
	}
}

func TestScenarioCommandReproduces(t *testing.T) {
	f := scenarioFixture(t)
	out, errOut, code := runCLI(t, "scenario", "--format", "json", "--missing", "like-region", "--swing", "Y:-3", "--turnout", "x1.1", f)
	require.Equal(t, 0, code, errOut)
	var first struct {
		SHA256   string
		Engine   string
		String   string `json:"scenario_string"`
		Scenario scenario.Scenario
		Outcome  struct {
			Total           []int64
			RemainingMethod string `json:"remaining_method"`
		}
	}
	require.NoError(t, json.Unmarshal([]byte(out), &first))
	assert.Equal(t, scenario.EngineVersion, first.Engine)
	assert.Len(t, first.SHA256, 64)
	assert.Equal(t, first.SHA256, first.Scenario.Data)
	assert.Equal(t, "turnout", first.Outcome.RemainingMethod)
	// Feeding the compact string back gives the same numbers.
	out, errOut, code = runCLI(t, "scenario", "--format", "json", "--scenario", first.String, f)
	require.Equal(t, 0, code, errOut)
	var second struct {
		String  string `json:"scenario_string"`
		Outcome struct{ Total []int64 }
	}
	require.NoError(t, json.Unmarshal([]byte(out), &second))
	assert.Equal(t, first.Outcome.Total, second.Outcome.Total)
	assert.Equal(t, first.String, second.String)
}

func TestScenarioCommandErrors(t *testing.T) {
	f := scenarioFixture(t)
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"scenario", "--missing", "sometimes", f}, 2, "unknown missing-unit rule"},
		{[]string{"scenario", "--swing", "X+10", f}, 2, "--swing"},
		{[]string{"scenario", "--swing", "Q:+10", f}, 1, "unknown or ambiguous candidate"},
		{[]string{"scenario", "--claim", "X=abc", f}, 2, "not a number of votes"},
		{[]string{"scenario", "--claim", "nothing", f}, 2, "no claim matches"},
		{[]string{"scenario", "--turnout", "lots", f}, 2, "--turnout"},
		{[]string{"scenario", "--region", "beta", "--swing", "X:+1", f}, 2, "LEVEL=NAME"},
		{[]string{"scenario", "--scenario", "s1.garbage!", f}, 2, "cannot decode"},
		{[]string{"scenario", "--format", "xml", f}, 2, "--format"},
		{[]string{"scenario"}, 2, "exactly one data FILE"},
		{[]string{"breakeven", "--reported", "2000%", f}, 2, "--reported"},
		{[]string{"breakeven", "--from-claim", "X=1,Y=2", f}, 2, "--from-claim"},
	} {
		_, errOut, code := runCLI(t, tc.args...)
		assert.Equal(t, tc.code, code, "%v: %s", tc.args, errOut)
		assert.Contains(t, errOut, tc.want, "%v", tc.args)
	}
}

// The four published figures, as the command prints them.
func TestScenarioCommandVenezuela(t *testing.T) {
	v1 := shareddata.Path(t, "venezuela-2024/RESULTADOS_2024_CSV_V1.csv")
	v2 := shareddata.Path(t, "venezuela-2024/RESULTADOS_2024_CSV_V2.csv")
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"scenario", "--missing", "worst-case", "--registered-total", "21392464", v1}, []string{
			"Even if every one of the 3,647,225 missing registered voters voted, and voted for Nicolás Maduro Moros, Edmundo González Urrutia would still lead by 267,776 votes (7,156,462 to 6,888,686).",
		}},
		{[]string{"breakeven", "--valid-total", "12335884", v1}, []string{
			"Nicolás Maduro Moros would need 165.52% of the remaining 1,676,756 valid votes (the official valid total minus the counted valid votes)",
			"this is impossible",
			"the result is locked",
		}},
		{[]string{"breakeven", "--from-claim", "1st", v1}, []string{
			"Edmundo González Urrutia would need 61.70% of the remaining 2,514,694 valid votes",
			"so Nicolás Maduro Moros's lead is not mathematically irreversible",
		}},
		{[]string{"breakeven", "--from-claim", "NM=5150092,EG=4445978,others=462704,reported=80%", v1}, []string{
			"Edmundo González Urrutia would need 61.70% of the remaining 2,514,694 valid votes",
		}},
		// The bulletins are partial counts: 96.87% and 80% of the 30,026
		// tables (29,086 and 24,020, rounded down). With the 25,073 counted
		// tables they share at least 24,133 and 19,067 tables; González's
		// smallest 24,133 and 19,067 counted tables hold 6,843,416 and
		// 4,784,626 votes, more than either bulletin gives him.
		{[]string{"scenario", "--missing", "claim", "--claim", "2nd", v2}, []string{
			"CNE 2nd bulletin cannot be reconciled with the counted tables. CNE 2nd bulletin counts 5,326,104 votes for Edmundo González Urrutia, but Edmundo González Urrutia has at least 6,843,416 in any 24,133 of the counted tables: impossible by arithmetic alone.",
			"CNE 2nd bulletin counts 29,086 tables (96.87% of 30,026 tables) and the data 25,073 tables, so at least 24,133 tables are in both",
			"what rules out Edmundo González Urrutia's count holds as long as CNE 2nd bulletin covers at least 84.73% of the tables",
		}},
		{[]string{"scenario", "--missing", "claim", "--claim", "1st", v2}, []string{
			"IMPOSSIBLE: CNE 1st bulletin counts 4,445,978 votes for Edmundo González Urrutia, but Edmundo González Urrutia has at least 4,784,626 in any 19,067 of the counted tables: impossible by arithmetic alone.",
			"what rules out Edmundo González Urrutia's count holds as long as CNE 1st bulletin covers at least 76.95% of the tables",
			"if all the tables of CNE 1st bulletin are among the counted ones, Edmundo González Urrutia has at least 6,792,107 votes in its 24,020 tables, not the 4,445,978 it says",
			"if all the tables of CNE 1st bulletin are among the counted ones, Nicolás Maduro Moros has at most 3,287,685 votes in its 24,020 tables, not the 5,150,092 it says",
		}},
		{[]string{"scenario", "--lang", "es", "--missing", "claim", "--claim", "1st", v2}, []string{
			"IMPOSIBLE: CNE, 1.er boletín cuenta 4.445.978 votos para Edmundo González Urrutia, pero Edmundo González Urrutia tiene al menos 4.784.626 en cualquier grupo de 19.067 de las mesas contadas: imposible por pura aritmética.",
		}},
		{[]string{"scenario", "--missing", "claim", "--claim", "Maduro=6408844,Gonzalez=5326104,valid=12335884", v2}, []string{
			"IMPOSSIBLE: Edmundo González Urrutia would need -1,977,376 votes",
		}},
	}
	for _, tt := range tests {
		out, errOut, code := runCLI(t, tt.args...)
		require.Equal(t, 0, code, "%v: %s", tt.args, errOut)
		for _, w := range tt.want {
			assert.Contains(t, out, w, "%v", tt.args)
		}
		assert.False(t, strings.Contains(out, "NaN"), "%v", tt.args)
	}
}
