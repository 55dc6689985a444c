package app

import (
	"fmt"
	"hash/fnv"
	"html"
	"net/url"
	"strconv"
	"strings"

	"github.com/tallyscope/tallyscope/sim"
)

var modeNames = [...]string{"counted", "like-region", "split", "worst-case", "claim"}

// String names the mode as in the URL fragment.
func (m Mode) String() string {
	if m < 0 || m >= numModes {
		return "counted"
	}
	return modeNames[m]
}

func num(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

// Fragment encodes the view and the scenario for the URL fragment, so that
// reloading restores them exactly. Defaults are left out.
func (s *State) Fragment() string {
	v := url.Values{}
	if s.View != ViewOverview {
		v.Set("view", s.View.String())
	}
	p := s.P
	if p.Mode != ModeCounted {
		v.Set("mode", p.Mode.String())
	}
	if p.Split != 0 {
		v.Set("split", num(p.Split))
	}
	if p.FullTurnout {
		v.Set("full", "1")
	}
	if p.SwingPP != [2]float64{} {
		v.Set("swing", num(p.SwingPP[0])+","+num(p.SwingPP[1]))
	}
	if p.TurnoutPct != 0 {
		v.Set("turnout", num(p.TurnoutPct))
	}
	if p.Claim != 0 {
		v.Set("claim", strconv.Itoa(p.Claim))
	}
	if s.Region >= 0 && s.Data != nil {
		var keys []string
		for _, r := range s.Data.Tally.RegionPath(s.Region) {
			keys = append(keys, s.Data.Tally.Regions[r].Key)
		}
		v.Set("region", strings.Join(keys, "/"))
	}
	return v.Encode()
}

// RestoreFragment reads a fragment written by Fragment (with or without
// the leading '#'). Unknown or malformed fields are ignored, and the
// message says so; the rest is applied.
func (s *State) RestoreFragment(frag string) {
	frag = strings.TrimPrefix(frag, "#")
	v, err := url.ParseQuery(frag)
	if err != nil {
		s.Msg = Message{Text: "ignored a malformed link fragment", Err: true}
		return
	}
	var bad []string
	p := Params{}
	for i, n := range viewNames {
		if v.Get("view") == n {
			s.View = View(i)
		}
	}
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
	if r := v.Get("region"); r != "" && s.Data != nil {
		if idx, ok := findRegionPath(s.Data.Tally, strings.Split(r, "/")); ok {
			s.Region = idx
		} else {
			bad = append(bad, "region")
		}
	}
	s.P = p
	s.dirty = true
	if len(bad) > 0 {
		s.Msg = Message{Text: "ignored link fields: " + strings.Join(bad, ", "), Err: true}
	}
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

// Link returns the address of the current state: Origin and the fragment.
func (s *State) Link() string {
	f := s.Fragment()
	if f == "" {
		return s.Origin
	}
	return s.Origin + "#" + f
}

// EmbedCode returns the snippet that embeds the current state in an
// article: a responsive <iframe> (the column's full width, an id made from
// the link) and the line that loads embed.js from beside the page, which
// resizes the iframe to the height the page reports. Without the script
// the iframe keeps a height of 640 px.
func (s *State) EmbedCode() string {
	link := s.Link()
	h := fnv.New32a()
	h.Write([]byte(link))
	id := fmt.Sprintf("tallyscope-%08x", h.Sum32())
	script := "embed.js"
	if base, err := url.Parse(s.Origin); err == nil {
		script = base.ResolveReference(&url.URL{Path: script}).String()
	}
	return fmt.Sprintf(`<iframe src="%s" id="%s" name="%s" data-tallyscope width="100%%" height="640" style="display:block;width:100%%;border:0" title="Tallyscope" loading="lazy" allow="clipboard-write"></iframe>`+"\n"+`<script async src="%s"></script>`,
		html.EscapeString(link), id, id, html.EscapeString(script))
}
