package app

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"math"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/internal/i18n"
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

// TestLinkCarriesWhatItNeeds checks issue #13's links: the language on
// screen (not the one the page was opened in), the data the address names,
// the view, the region and the scenario; and a warning when the data on
// screen was opened in this browser, which a link cannot carry.
func TestLinkCarriesWhatItNeeds(t *testing.T) {
	s := newFixtureState("")
	s.Lang = i18n.ES
	s.Origin = "https://example.org/app/?data=data%2Fv2.csv&lang=es"
	s.AddressData = "fixture.json"
	s.Effects()
	s.Apply(ToggleLang{})
	e := s.Effects()
	require.Len(t, e, 1)
	assert.Equal(t, EffectAddress, e[0].Kind, "the address follows the language")
	assert.Equal(t, "https://example.org/app/?data=data%2Fv2.csv&lang=en", e[0].Arg)

	s.Apply(DrillDown{Region: 1})
	s.Apply(SetSplit{0.25})
	s.Update(0)
	s.Apply(CopyLink{})
	link := ""
	for _, ef := range s.Effects() {
		if ef.Kind == EffectCopy {
			link = ef.Arg
		}
	}
	u, err := url.Parse(link)
	require.NoError(t, err, link)
	assert.Equal(t, "en", u.Query().Get("lang"), link)
	assert.Equal(t, "data/v2.csv", u.Query().Get("data"), link)
	f, err := url.ParseQuery(u.Fragment)
	require.NoError(t, err)
	assert.Equal(t, "regions", f.Get("view"))
	assert.Equal(t, "2", f.Get("region"))
	assert.Equal(t, s.ScenarioString(), f.Get("s"))
	assert.False(t, s.Msg.Err, "the data on screen is the address's: %q", s.Msg.Text)

	// The restored state is the same.
	r := newFixtureState(u.Fragment)
	assert.Equal(t, s.View, r.View)
	assert.Equal(t, s.Region, r.Region)
	assert.Equal(t, s.ScenarioString(), r.ScenarioString())

	// A file opened here is not in the link: say so.
	s.Apply(LoadFiles{{Name: "map.json", Data: []byte(mappingJSON)}, {Name: "results.csv", Data: []byte(mappedCSV)}})
	require.Equal(t, "results.csv", s.Data.Name)
	s.Apply(CopyLink{})
	assert.True(t, s.Msg.Err, "a warning")
	assert.Contains(t, s.Msg.Text, "results.csv is only in this browser")
	assert.Contains(t, s.Msg.Text, "the link opens fixture.json")
	s.Apply(ShowEmbed{On: true})
	assert.Contains(t, s.Msg.Text, "results.csv is only in this browser")
}
