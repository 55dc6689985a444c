package app

import (
	"errors"
	"fmt"
	"hash/fnv"
	"html"
	"net/url"
	"reflect"
	"strconv"
	"strings"

	"github.com/tallyscope/tallyscope/internal/choropleth"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/scenario"
)

var modeNames = [...]string{"counted", "like-region", "split", "worst-case", "claim"}

// String names the mode, as fragments written before the scenario string
// did and as the test hook reports it.
func (m Mode) String() string {
	if m < 0 || m >= numModes {
		return "counted"
	}
	return modeNames[m]
}

// Fragment encodes the view and the scenario for the URL fragment, so
// that reloading restores them exactly: the view ("view", "region") and,
// under "s", the scenario's compact string (ScenarioString), which
// "tallyscope scenario --scenario" reads as well. Defaults are left out:
// the baseline's fragment is empty.
func (s *State) Fragment() string {
	v := url.Values{}
	if s.View != ViewOverview {
		v.Set("view", s.View.String())
	}
	if s.Region >= 0 && s.Data != nil {
		var keys []string
		for _, r := range s.Data.Tally.RegionPath(s.Region) {
			keys = append(keys, s.Data.Tally.Regions[r].Key)
		}
		v.Set("region", strings.Join(keys, "/"))
	}
	if s.mapMode != "" && s.mapMode != choropleth.Leader {
		v.Set("colour", string(s.mapMode))
	}
	if s.MapKind != MapShapes {
		v.Set("cartogram", s.MapKind.String())
	}
	if str := s.ScenarioString(); str != "" {
		v.Set("s", str)
	}
	s.lessonFragment(v)
	if s.Mystery != nil {
		v.Set("mystery", MysteryCode(s.Mystery.Preset, s.Mystery.Seed))
	}
	if s.Projector {
		v.Set("projector", "1")
	}
	return v.Encode()
}

// ScenarioString returns the scenario on screen as the core's compact
// string ("s1.…", scenario.Scenario.String), stamped with the engine's
// version and the data's digest, or "" for the baseline. Pasted after
// "tallyscope scenario --scenario", it prints the figures on screen.
func (s *State) ScenarioString() string {
	if s.Data == nil || reflect.DeepEqual(s.sc, scenario.Scenario{}) {
		return ""
	}
	if s.scString == "" {
		// Deflating is not free: once per scenario, not per frame.
		s.scString = s.sc.Stamp(s.Data.Tally.Digest.String()).String()
	}
	return s.scString
}

// RestoreFragment reads a fragment written by Fragment (with or without
// the leading '#'), or one written before the fragment held the core's
// scenario string ("mode=split&split=0.5&swing=…"), which still restores,
// or a bare scenario string ("s1.…", as "tallyscope scenario" prints it).
// What cannot be used is left out, and the message says so; the rest is
// applied.
func (s *State) RestoreFragment(frag string) {
	frag = strings.TrimPrefix(frag, "#")
	if strings.HasPrefix(frag, "s1.") {
		// A bare scenario string, as the command line prints it.
		frag = "s=" + frag
	}
	v, err := url.ParseQuery(frag)
	if err != nil {
		s.Msg = Message{Text: "ignored a malformed link fragment", Err: true}
		return
	}
	if v.Has("projector") {
		s.Projector = v.Get("projector") == "1"
	}
	if code := v.Get("mystery"); code != "" {
		if preset, seed, ok := parseMysteryCode(code); ok {
			OpenMystery{Preset: preset, Seed: seed}.apply(s)
		} else {
			s.Msg = Message{Text: s.Lang.Tf(i18n.MsgNoMystery, code), Err: true}
		}
	}
	if v.Has("lesson") {
		// A lesson's step sets the view, region and scenario itself.
		s.restoreLesson(v)
		return
	}
	var bad []string
	for i, n := range viewNames {
		if v.Get("view") == n {
			s.View = View(i)
		}
	}
	bad = append(bad, s.restoreMap(v)...)
	if r := v.Get("region"); r != "" && s.Data != nil {
		if idx, ok := findRegionPath(s.Data.Tally, strings.Split(r, "/")); ok {
			s.Region = idx
		} else {
			bad = append(bad, "region")
		}
	}
	if str := v.Get("s"); str != "" {
		s.restoreScenario(str)
	} else {
		bad = append(s.restoreParams(v), bad...)
	}
	s.dirty = true
	if len(bad) > 0 {
		s.Msg = Message{Text: "ignored link fields: " + strings.Join(bad, ", "), Err: true}
	}
}

// restoreMap applies the Map view's colouring and kind from a link, and
// returns the fields it ignored.
func (s *State) restoreMap(v url.Values) (bad []string) {
	if c := v.Get("colour"); c != "" {
		if m, err := choropleth.ParseMode(c); err == nil {
			s.mapMode = m
		} else {
			bad = append(bad, "colour")
		}
	}
	if k := v.Get("cartogram"); k != "" {
		found := false
		for i, n := range mapKindNames {
			if n == k {
				s.MapKind, found = MapKind(i), true
			}
		}
		if !found {
			bad = append(bad, "cartogram")
		}
	}
	s.mapStale = true
	return bad
}

// restoreScenario applies a scenario string from a link. A string that
// does not decode, or names what the data does not have, is refused with
// a message; one made for other data, or with settings the controls do
// not show, is applied with a message saying so.
func (s *State) restoreScenario(str string) {
	l := s.Lang
	sc, err := scenario.Decode(str)
	if err == nil && s.Data == nil {
		return
	}
	if err == nil && sc.Counted != nil {
		err = errCounted
	}
	if err == nil && s.engine != nil {
		if _, e := s.engine.Run(sc); errors.Is(e, scenario.ErrScenario) {
			err = e
		}
	}
	if err != nil {
		s.Msg = Message{Text: l.Tf(i18n.MsgLinkBad, l.Error(err)), Err: true}
		return
	}
	other := sc.Data != "" && sc.Data != s.Data.Tally.Digest.String()
	sc.Engine, sc.Data = "", ""
	s.full = sc.Remaining == scenario.RemainingFull
	if sc.Split != nil {
		s.splitMemo = sc.Split.Share
	}
	s.setScenario(sc)
	switch {
	case other:
		s.Msg = Message{Text: l.T(i18n.MsgLinkData), Err: true}
	case s.extra:
		s.Msg = Message{Text: l.T(i18n.MsgLinkExtra)}
	}
}

// errCounted refuses a scenario that counts a claim in place of the data
// (the command line's --from-claim), which the app cannot show.
var errCounted = errors.New("app: the scenario counts a claim in place of the data")

// restoreParams applies the fields of a fragment written before it held
// the scenario string, through the same edits the controls make, and
// returns the fields it ignored.
func (s *State) restoreParams(v url.Values) (bad []string) {
	p := Params{}
	if m := v.Get("mode"); m != "" {
		found := false
		for i, n := range modeNames {
			if m == n {
				p.Mode, found = Mode(i), true
			}
		}
		if !found {
			bad = append(bad, "mode")
		}
	}
	getF := func(key string, lo, hi float64) float64 {
		str := v.Get(key)
		if str == "" {
			return 0
		}
		f, err := strconv.ParseFloat(str, 64)
		// Written as a range test so that NaN (never inside a range)
		// is refused too.
		if err != nil || !(f >= lo && f <= hi) {
			bad = append(bad, key)
			return 0
		}
		return f
	}
	p.Split = getF("split", 0, 1)
	p.FullTurnout = v.Get("full") == "1"
	if sw := v.Get("swing"); sw != "" {
		a, b, ok := strings.Cut(sw, ",")
		x, e1 := strconv.ParseFloat(a, 64)
		y, e2 := strconv.ParseFloat(b, 64)
		if !ok || e1 != nil || e2 != nil || !(x >= -SwingMax && x <= SwingMax) || !(y >= -SwingMax && y <= SwingMax) {
			bad = append(bad, "swing")
		} else {
			p.SwingPP = [2]float64{x, y}
		}
	}
	p.TurnoutPct = getF("turnout", -TurnoutMax, TurnoutMax)
	if c := v.Get("claim"); c != "" {
		n, err := strconv.Atoi(c)
		if err != nil || s.Data == nil || n < 0 || n >= len(s.Data.Tally.Claims) {
			bad = append(bad, "claim")
		} else {
			p.Claim = n
		}
	}
	if s.Data == nil {
		return bad
	}
	s.full, s.splitMemo, s.P.Claim = p.FullTurnout, p.Split, p.Claim
	s.sc = scenario.Scenario{}
	s.sc = s.withMode(p.Mode)
	s.sc = s.withSwing(0, p.SwingPP[0])
	s.sc = s.withSwing(1, p.SwingPP[1])
	s.setScenario(s.withTurnout(p.TurnoutPct))
	return bad
}

func findRegionPath(t *sim.Tally, keys []string) (int, bool) {
	parent := -1
	for _, k := range keys {
		found := -1
		for i, r := range t.Regions {
			if r.Parent == parent && r.Key == k {
				found = i
				break
			}
		}
		if found < 0 {
			return -1, false
		}
		parent = found
	}
	return parent, parent >= 0
}

// Link returns the address of the current state: Origin (which names
// the data with data= when the page's address does) with lang= set to
// the language on screen, and the fragment (view, region, scenario).
func (s *State) Link() string {
	base := withLang(s.Origin, s.Lang)
	f := s.Fragment()
	if f == "" {
		return base
	}
	return base + "#" + f
}

// withLang returns the http(s) address u with lang= set to l's code in
// its query (replacing any lang= there), or u as it is when it is not an
// http(s) address (the desktop's empty origin).
func withLang(u string, l i18n.Lang) string {
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") {
		return u
	}
	q := p.Query()
	q.Set("lang", l.Code())
	p.RawQuery = q.Encode()
	p.Fragment = ""
	return p.String()
}

// EmbedCode returns the snippet that embeds the current state in an
// article (EmbedSnippet), with embed.js loaded from beside the page.
func (s *State) EmbedCode() string {
	script := "embed.js"
	if base, err := url.Parse(s.Origin); err == nil {
		script = base.ResolveReference(&url.URL{Path: script}).String()
	}
	return EmbedSnippet(s.Link(), script, "")
}

// EmbedSnippet returns the snippet that embeds the page at link in an
// article: a responsive <iframe> (the column's full width, an id made
// from the link) and the line that loads embed.js from script, which
// resizes the iframe to the height the page reports. Without the script
// the iframe keeps a height of 640 px. A non-empty integrity (a
// subresource integrity value, "sha256-…") is added to the script line
// with crossorigin="anonymous": the browser then runs the script only if
// its bytes match, and only if the script's host sends CORS headers.
func EmbedSnippet(link, script, integrity string) string {
	h := fnv.New32a()
	h.Write([]byte(link))
	id := fmt.Sprintf("tallyscope-%08x", h.Sum32())
	sri := ""
	if integrity != "" {
		sri = fmt.Sprintf(` integrity="%s" crossorigin="anonymous"`, html.EscapeString(integrity))
	}
	return fmt.Sprintf(`<iframe src="%s" id="%s" name="%s" data-tallyscope width="100%%" height="640" style="display:block;width:100%%;border:0" title="Tallyscope" loading="lazy" allow="clipboard-write"></iframe>`+"\n"+`<script async src="%s"%s></script>`,
		html.EscapeString(link), id, id, html.EscapeString(script), sri)
}
