package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/assets"
	"github.com/tallyscope/tallyscope/internal/app"
	"github.com/tallyscope/tallyscope/internal/chart"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/internal/shareddata"
	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/load"
	"github.com/tallyscope/tallyscope/sim/scenario"
)

// linkData is one data set of the round-trip test: a file that the app
// and the command line both read.
type linkData struct {
	name, file string
}

// read returns the data's bytes and what names it on the command line:
// the file, or --default for the embedded data (file "").
func (ds linkData) read(t *testing.T) ([]byte, string, string) {
	if ds.file == "" {
		return assets.Default, assets.DefaultName, "--default"
	}
	raw, err := os.ReadFile(ds.file)
	require.NoError(t, err)
	return raw, filepath.Base(ds.file), ds.file
}

// linkFixtures writes the hand-made data sets as Tallyscope JSON files:
// a close count whose break-even the split slider reaches, and one with
// large other candidates, whose break-even lies past what they leave.
func linkFixtures(t *testing.T) []linkData {
	t.Helper()
	dir := t.TempDir()
	mk := func(name string, votes [][3]int64, claims []sim.Claim) linkData {
		tl := &sim.Tally{
			Title: name, Levels: []string{"state"}, UnitLevel: "table",
			Candidates: []sim.Candidate{{ID: "A", Name: "Ana Alba"}, {ID: "B", Name: "Beto Bravo"}, {ID: "C", Name: "Carla Cruz"}},
			Regions:    []sim.Region{{Level: 0, Key: "1", Name: "North", Parent: -1}, {Level: 0, Key: "2", Name: "South", Parent: -1}},
			Expected:   []sim.Expectation{{Region: -1, Units: int64(len(votes)) + 4, Registered: 300 * (int64(len(votes)) + 4)}},
			Claims:     claims,
		}
		for i, v := range votes {
			tl.Units = append(tl.Units, sim.Unit{ID: string(rune('a' + i)), Region: i % 2, Registered: 300, Votes: v[:], Null: 3, Blank: sim.Unknown})
		}
		var buf bytes.Buffer
		require.NoError(t, load.WriteJSON(&buf, tl))
		path := filepath.Join(dir, name+".json")
		require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
		return linkData{name, path}
	}
	// A third candidate with a quarter of the vote, and 4 missing tables
	// for 64 counted: the runner-up would need more than the others leave.
	others := make([][3]int64, 64)
	for i := range others {
		others[i] = [3]int64{78 + int64(i%7), 68 + int64(3*i%5), 48 + int64(5*i%6)}
	}
	claim := sim.Claim{Label: "Board bulletin", Votes: []sim.ClaimVote{{Candidate: "A", Votes: 900}, {Candidate: "B", Votes: 1000}}, Others: 300, Valid: sim.Unknown, Null: sim.Unknown}
	return []linkData{
		mk("close", [][3]int64{{120, 100, 10}, {110, 105, 12}, {90, 95, 8}, {130, 90, 15}, {100, 100, 10}, {115, 98, 9}}, []sim.Claim{claim}),
		mk("others", others, nil),
	}
}

// linkCases are the states the test sets in the app: each control, and a
// scenario string made elsewhere with settings no control has.
var linkCases = []struct {
	name string
	acts []app.Action
	frag string
}{
	{name: "counted"},
	{name: "split 30%", acts: []app.Action{app.SetSplit{Share: 0.3}}},
	{name: "split 30%, swing +12 to the runner-up", acts: []app.Action{app.SetSplit{Share: 0.3}, app.SetSwing{Which: 1, PP: 12}}},
	{name: "split 100%, full turnout", acts: []app.Action{app.SetSplit{Share: 1}, app.SetFullTurnout{On: true}}},
	{name: "like region, turnout +10%", acts: []app.Action{app.SetMode{Mode: app.ModeLike}, app.SetTurnoutChange{Pct: 10}}},
	{name: "counted, swing -4 to the leader", acts: []app.Action{app.SetSwing{Which: 0, PP: -4}}},
	{name: "worst case", acts: []app.Action{app.SetMode{Mode: app.ModeWorst}}},
	{name: "claim", acts: []app.Action{app.SetClaim{Index: 0}}},
	{name: "command line: 95% reported", frag: "s=" + scenario.Scenario{Missing: scenario.MissingLikeRegion, Reported: 0.95, Remaining: scenario.RemainingUnits}.String()},
}

// TestLinkReproducesTheApp is the round trip of one link: the app's state,
// set by its controls, gives a fragment whose scenario string, passed to
// "tallyscope scenario --scenario" and "tallyscope breakeven --scenario"
// on the same file, prints the figures the app shows; and the chart the
// desktop saves for the Scenario view marks the same break-even. The
// desktop and the browser run this app package; the browser's side is
// internal/e2e's TestLinkInTheCommandLine.
func TestLinkReproducesTheApp(t *testing.T) {
	sets := linkFixtures(t)
	sets = append(sets, linkData{"default (embedded, --default)", ""})
	for _, real := range []string{
		"venezuela-2024/RESULTADOS_2024_CSV_V1.csv",
		"venezuela-2024/RESULTADOS_2024_CSV_V2.csv",
		"venezuela-2024/vzlapi_qr_actas.csv",
		"us-county/2020_US_County_Level_Presidential_Results.csv",
		"us-county/2024_US_County_Level_Presidential_Results.csv",
	} {
		dir, ok := shareddata.Dir()
		p := filepath.Join(dir, filepath.FromSlash(real))
		if _, err := os.Stat(p); !ok || err != nil {
			t.Logf("leaving out %s: not beside the project", real)
			continue
		}
		sets = append(sets, linkData{filepath.Base(real), p})
	}
	marked, locked, over := 0, 0, 0
	for _, ds := range sets {
		raw, name, arg := ds.read(t)
		d, err := app.Load(raw, name)
		require.NoError(t, err, ds.name)
		for _, lc := range linkCases {
			name := ds.name + ": " + lc.name
			st := app.New(d, i18n.EN, lc.frag)
			for _, a := range lc.acts {
				st.Apply(a)
			}
			st.Update(0)
			o := st.Out
			str := st.ScenarioString()
			if lc.frag != "" {
				require.NotEmpty(t, str, name)
			}

			// The outcome, from the scenario string in the fragment.
			args := []string{"--format", "json"}
			if str != "" {
				args = append(args, "--scenario", str)
			}
			var sout scenarioOut
			outText, errText, code := runCLI(t, append(append([]string{"scenario"}, args...), arg)...)
			if o.NoteErr != nil {
				// The engine refused the rule on these data; so does the
				// command line, and the app shows the counted units.
				assert.NotEqual(t, 0, code, "%s: the command line refuses what the app notes (%s)", name, o.NoteText(i18n.EN))
				continue
			}
			require.Equal(t, 0, code, "%s: %s", name, errText)
			require.NoError(t, json.Unmarshal([]byte(outText), &sout), name)
			if str != "" {
				assert.Equal(t, str, sout.String, "%s: the command line stamps the same string", name)
			}
			assert.Equal(t, o.Counted, sout.Outcome.Counted, name)
			assert.Equal(t, o.Imputed, sout.Outcome.Imputed, name)
			assert.Equal(t, o.Total, sout.Outcome.Total, name)
			assert.Equal(t, o.Leader, sout.Outcome.Winner, name)
			assert.Equal(t, o.Possible(), len(sout.Outcome.Flags) == 0, name)

			// The break-even: the app's, the command line's, the chart's.
			var bout breakevenOut
			outText, errText, code = runCLI(t, append(append([]string{"breakeven"}, args...), arg)...)
			require.Equal(t, 0, code, "%s: %s", name, errText)
			require.NoError(t, json.Unmarshal([]byte(outText), &bout), name)
			_, tab, chartErr := chart.Render(chart.KindBreakEven, d.Tally, st.SaveRequest().Scenario, chart.Options{})
			if o.BE == nil {
				assert.Nil(t, bout.National, "%s: neither has a break-even", name)
				assert.Error(t, chartErr, name)
				t.Logf("%-44s %-44s no break-even (nothing known of the missing units)", ds.name, lc.name)
				continue
			}
			require.NotNil(t, bout.National, name)
			assert.Equal(t, o.BreakEven, bout.National.Needed, "%s: app and command line", name)
			chartNeeded := "no chart (no votes remain)"
			if o.BE.Remaining > 0 {
				require.NoError(t, chartErr, name)
				assert.Equal(t, o.BreakEven, fact(t, tab, "needed_share"), "%s: app and chart", name)
				chartNeeded = i18n.EN.Percent(fact(t, tab, "needed_share").(float64), 4)
			} else {
				assert.Error(t, chartErr, name)
			}
			state := "marked on the split slider"
			switch {
			case o.BreakEvenOK:
				marked++
			case o.BE.Locked:
				state, locked = "locked", locked+1
			case o.BE.Impossible:
				state, over = "more than the others leave", over+1
			default:
				state = "not on the slider"
			}
			t.Logf("%-44s %-44s app %s, command line %s, chart %s (%s)", ds.name, lc.name,
				i18n.EN.Percent(o.BreakEven, 4), i18n.EN.Percent(bout.National.Needed, 4), chartNeeded, state)
		}
	}
	assert.Positive(t, marked, "some break-even is on the slider")
	assert.Positive(t, locked, "some break-even is locked")
	assert.Positive(t, over, "some break-even asks more than the others leave")
}

// fact returns the named fact of a chart's table.
func fact(t *testing.T, tab *chart.Table, name string) any {
	t.Helper()
	for _, f := range tab.Facts {
		if f.Name == name {
			return f.Value
		}
	}
	t.Fatalf("no fact %q in the %s table", name, tab.Kind)
	return nil
}
