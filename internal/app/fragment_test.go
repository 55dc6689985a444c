package app

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/sim/scenario"
)

// TestFragmentNotANumber: NaN and infinities in a link never reach the
// scenario (they once gave totals near −9.2e18, and Copy link passed them
// on).
func TestFragmentNotANumber(t *testing.T) {
	for _, frag := range []string{"split=NaN", "swing=NaN,0", "swing=0,Inf", "turnout=NaN", "turnout=-Inf", "split=+Inf"} {
		s := newFixtureState(frag)
		assert.Equal(t, Params{}, s.P, frag)
		assert.True(t, s.Msg.Err, frag)
		assert.NotContains(t, strings.ToLower(s.Fragment()), "nan", frag)
		assert.NotContains(t, strings.ToLower(s.Fragment()), "inf", frag)
	}
}

// TestFragmentScenarioNotANumber: numbers outside any range in the
// scenario string (JSON has no NaN; 1e999 overflows) are refused too.
func TestFragmentScenarioNotANumber(t *testing.T) {
	for _, js := range []string{
		`{"missing":"split","split":{"candidate":"NM","share":1e999}}`,
		`{"missing":"split","split":{"candidate":"NM","share":NaN}}`,
		`{"swings":[{"candidate":"NM","pp":-1e308}]}`,
		`{"turnout":{"factor":1e400}}`,
	} {
		s := newFixtureState("s=" + compact(t, js))
		assert.Equal(t, Params{}, s.P, js)
		assert.True(t, s.Msg.Err, js)
		assert.Equal(t, "", s.Fragment(), js)
	}
}

// compact makes a scenario string of raw JSON, as Scenario.String would.
func compact(t *testing.T, js string) string {
	t.Helper()
	var buf bytes.Buffer
	w, err := flate.NewWriter(&buf, flate.BestCompression)
	require.NoError(t, err)
	w.Write([]byte(js))
	require.NoError(t, w.Close())
	return "s1." + base64.RawURLEncoding.EncodeToString(buf.Bytes())
}

// FuzzRestoreFragment: any fragment leaves the parameters finite and in
// range, the outcome's totals non-negative, and a link that reads back the
// same: the same fragment, the same scenario.
func FuzzRestoreFragment(f *testing.F) {
	good := scenario.Scenario{Missing: scenario.MissingSplit, Split: &scenario.Split{Candidate: "NM", Share: 0.6, From: "EG"}, Swings: []scenario.Swing{{Candidate: "EG", PP: -2.5}}}
	for _, seed := range []string{"", "split=0.5", "split=NaN", "swing=NaN,0", "turnout=NaN", "swing=1e308,1e308", "mode=split&split=0.734&swing=-2.5%2C0&turnout=7.5&view=units", "region=9/9", "claim=99999999999999999999",
		"s=" + good.String(), "view=units&s=s1.AAAA", "s=s1." + strings.Repeat("A", 200)} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, frag string) {
		if len(frag) > 4096 {
			return
		}
		s := newFixtureState(frag)
		p := s.P
		for _, x := range []float64{p.Split, p.SwingPP[0], p.SwingPP[1], p.TurnoutPct} {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				t.Fatalf("%q gave %+v", frag, p)
			}
		}
		if !(p.Split >= 0 && p.Split <= 1) {
			t.Fatalf("%q: split %v", frag, p.Split)
		}
		if s.Out != nil && len(s.Out.Impossible) == 0 {
			for _, v := range s.Out.Total {
				if v < 0 {
					t.Fatalf("%q: negative total %v", frag, s.Out.Total)
				}
			}
		}
		back := newFixtureState(s.Fragment())
		assert.Equal(t, s.Fragment(), back.Fragment(), frag)
		assert.Equal(t, s.Scenario(), back.Scenario(), frag)
	})
}
