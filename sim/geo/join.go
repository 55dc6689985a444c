package geo

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/tallyscope/tallyscope/sim"
)

// Area is one thing a map colours: a region of a tally's level, or a
// unit when the map is drawn at the unit level (US counties).
type Area struct {
	Key, Name string
	// Region indexes Tally.Regions, or is -1 for a unit.
	Region int
	// Unit indexes Tally.Units, or is -1 for a region.
	Unit int
}

// Areas lists the areas of a tally at a level: its regions in key
// order, or, when level is the tally's unit level ("county"), its units
// in file order. An empty level means the outermost level.
func Areas(t *sim.Tally, level string) ([]Area, error) {
	if level != "" && strings.EqualFold(level, t.UnitLevel) {
		out := make([]Area, len(t.Units))
		for i, u := range t.Units {
			out[i] = Area{Key: u.ID, Name: u.Name, Region: -1, Unit: i}
		}
		return out, nil
	}
	if len(t.Levels) == 0 {
		return nil, fmt.Errorf("geo: %w: the tally has no regions; draw its units (level %q)", sim.ErrUnknownLevel, t.UnitLevel)
	}
	lv := 0
	if level != "" {
		var err error
		if lv, err = t.LevelIndex(level); err != nil {
			return nil, fmt.Errorf("geo: %w", err)
		}
	}
	var out []Area
	for i, r := range t.Regions {
		if r.Level == lv {
			out = append(out, Area{Key: r.Key, Name: r.Name, Region: i, Unit: -1})
		}
	}
	slices.SortStableFunc(out, func(a, b Area) int { return sim.CompareKeys(a.Key, b.Key) })
	return out, nil
}

// JoinOptions say how areas meet features.
type JoinOptions struct {
	// Key is the feature's side: "id" or a property ("shapeISO").
	Key string
	// ByName joins on the area's name instead of its key.
	ByName bool
	// Table maps an area's key (or name, with ByName) to a feature's key,
	// for codes that differ (VenezuelaISO); nil joins them as they are.
	Table map[string]string
	// CheckNames refuses a match whose names share no word, and reports
	// it (Alaska's house district 13 is not the Aleutians East borough,
	// whatever their codes say). A Table is trusted: no check with one.
	CheckNames bool
}

// Join is the result of joining areas to a layer.
type Join struct {
	// Feature gives, per area, the feature drawn for it, or -1.
	Feature []int
	// Area gives, per feature, the area it draws, or -1.
	Area   []int
	Report JoinReport
}

// JoinReport says what the join did not match.
type JoinReport struct {
	Areas, Features, Matched int
	// NoShape lists the areas with data but no feature.
	NoShape []Area
	// NoData lists the features without an area, by index.
	NoData []int
	// Renamed lists the pairs whose keys match but whose names do not
	// (with CheckNames); they are not joined, and count in NoShape and
	// NoData too.
	Renamed []Renamed
}

// Renamed is a pair of an area and a feature with the same key and
// different names.
type Renamed struct {
	Area    Area
	Feature int
	Name    string
}

// JoinAreas matches areas to the layer's features. Keys compare without
// regard to case, accents, spaces or leading zeros ("01001" = "1001",
// "VE-v" = "VE-V"). Two features with the same key are an error.
func JoinAreas(l *Layer, areas []Area, o JoinOptions) (*Join, error) {
	keys, err := l.Keys(o.Key)
	if err != nil {
		return nil, err
	}
	byKey := make(map[string]int, len(keys))
	for i, k := range keys {
		c := canonical(k)
		if j, dup := byKey[c]; dup {
			return nil, l.errf(i, "has %s %q, as feature %d has: a join key must be unique", o.Key, k, j)
		}
		byKey[c] = i
	}
	var table map[string]string
	if o.Table != nil {
		table = make(map[string]string, len(o.Table))
		for k, v := range o.Table {
			table[canonical(k)] = v
		}
	}
	j := &Join{Feature: make([]int, len(areas)), Area: make([]int, len(l.Features))}
	for i := range j.Area {
		j.Area[i] = -1
	}
	j.Report.Areas, j.Report.Features = len(areas), len(l.Features)
	for i, a := range areas {
		j.Feature[i] = -1
		k := a.Key
		if o.ByName {
			k = a.Name
		}
		k = canonical(k)
		if table != nil {
			v, ok := table[k]
			if !ok {
				j.Report.NoShape = append(j.Report.NoShape, a)
				continue
			}
			k = canonical(v)
		}
		f, ok := byKey[k]
		if !ok || j.Area[f] >= 0 {
			j.Report.NoShape = append(j.Report.NoShape, a)
			continue
		}
		if o.CheckNames && table == nil && !o.ByName {
			if n := l.Features[f].Name(); n != "" && a.Name != "" && !SameName(a.Name, n) {
				j.Report.Renamed = append(j.Report.Renamed, Renamed{Area: a, Feature: f, Name: n})
				j.Report.NoShape = append(j.Report.NoShape, a)
				continue
			}
		}
		j.Feature[i], j.Area[f] = f, i
		j.Report.Matched++
	}
	for f, a := range j.Area {
		if a < 0 {
			j.Report.NoData = append(j.Report.NoData, f)
		}
	}
	return j, nil
}

// Name returns the feature's display name: its "name", "NAME" or
// "shapeName" property, or "".
func (f *Feature) Name() string {
	for _, k := range nameProps {
		if v := f.Props[k]; v != "" {
			return v
		}
	}
	return ""
}

// nameProps are the properties that name a feature, in order.
var nameProps = []string{"name", "NAME", "shapeName", "NAME_1"}

// NameKey returns the property that names the layer's first feature
// (see Feature.Name), or "" when it has none.
func (l *Layer) NameKey() string {
	if len(l.Features) == 0 {
		return ""
	}
	for _, k := range nameProps {
		if l.Features[0].Props[k] != "" {
			return k
		}
	}
	return ""
}

// canonical folds a key for comparison: no case, accents or spaces, and
// no leading zeros in a key of digits.
func canonical(s string) string {
	s = fold(strings.TrimSpace(s))
	s = strings.ReplaceAll(s, " ", "")
	if s != "" && strings.Trim(s, "0123456789") == "" {
		if t := strings.TrimLeft(s, "0"); t != "" {
			return t
		}
		return "0"
	}
	return s
}

// fold lowers s and takes the accents off Latin letters.
func fold(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case 'á', 'à', 'â', 'ä', 'Á', 'À', 'Â', 'Ä', 'ã', 'Ã':
			return 'a'
		case 'é', 'è', 'ê', 'ë', 'É', 'È', 'Ê', 'Ë':
			return 'e'
		case 'í', 'ì', 'î', 'ï', 'Í', 'Ì', 'Î', 'Ï':
			return 'i'
		case 'ó', 'ò', 'ô', 'ö', 'Ó', 'Ò', 'Ô', 'Ö', 'õ', 'Õ':
			return 'o'
		case 'ú', 'ù', 'û', 'ü', 'Ú', 'Ù', 'Û', 'Ü':
			return 'u'
		case 'ñ', 'Ñ':
			return 'n'
		case 'ç', 'Ç':
			return 'c'
		}
		return unicode.ToLower(r)
	}, s)
}

// nameNoise are the words that say what kind of area a name is, not
// which: they do not count when two names are compared.
var nameNoise = map[string]bool{
	"county": true, "parish": true, "borough": true, "census": true, "area": true,
	"city": true, "and": true, "municipality": true, "of": true, "the": true,
	"edo": true, "estado": true, "dtto": true, "distrito": true, "state": true,
	"st": true, "ste": true, "saint": true, "sainte": true, "municipio": true,
}

func nameWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(fold(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if !nameNoise[w] {
			out = append(out, w)
		}
	}
	return out
}

// SameName reports whether two names can name the same place: they
// share a word of three letters or more, or one's letters run inside the
// other's, after the words that only say what kind of area it is
// ("County", "EDO.") are set aside. "EDO.NVA.ESPARTA" and "Nueva
// esparta" can; "State House District 13" and "Aleutians East" cannot.
func SameName(a, b string) bool {
	wa, wb := nameWords(a), nameWords(b)
	if len(wa) == 0 || len(wb) == 0 {
		return true
	}
	ja, jb := strings.Join(wa, ""), strings.Join(wb, "")
	if strings.Contains(ja, jb) || strings.Contains(jb, ja) {
		return true
	}
	for _, x := range wa {
		if len(x) >= 3 && slices.Contains(wb, x) {
			return true
		}
	}
	return false
}

// JoinMethods are the names JoinTries knows, "auto" first.
var JoinMethods = []string{"auto", "key", "name", "venezuela"}

// JoinTries returns the ways of joining that a method names: "key"
// (the areas' codes against the features' key, names checked), "name"
// (the areas' names against the features' names), "venezuela" (the acta
// state codes through VenezuelaISO), or "auto" (or ""), which is the
// three in that order (without "name" when the features have no name).
// key is the features' code ("" for DefaultKey); with "name", a key
// given names the features' name property (else NameKey). BestJoin keeps the way that matches
// the most: the command line's charts and the app both choose so, and a
// file joins the same way in both.
func JoinTries(method string, l *Layer, key string) ([]JoinOptions, error) {
	// A key asked for must be there, whatever way would match.
	if key != "" {
		if _, err := l.Keys(key); err != nil {
			return nil, err
		}
	}
	code := key
	if code == "" {
		code = l.DefaultKey()
	}
	byKey := JoinOptions{Key: code, CheckNames: true}
	byName := JoinOptions{Key: l.NameKey(), ByName: true}
	venezuela := JoinOptions{Key: code, Table: VenezuelaISO}
	switch strings.ToLower(method) {
	case "", "auto":
		if byName.Key == "" {
			return []JoinOptions{byKey, venezuela}, nil
		}
		return []JoinOptions{byKey, venezuela, byName}, nil
	case "key":
		return []JoinOptions{byKey}, nil
	case "name":
		if key != "" {
			byName.Key = key
		}
		if byName.Key == "" && len(l.Features) == 0 {
			return nil, fmt.Errorf("geo: %s: no features to join", l.File)
		}
		if byName.Key == "" {
			return nil, l.errf(0, "has no name to join by (it has %s)", l.Features[0].describeKeys())
		}
		return []JoinOptions{byName}, nil
	case "venezuela":
		return []JoinOptions{venezuela}, nil
	}
	return nil, fmt.Errorf("geo: join %q: it must be %s", method, strings.Join(JoinMethods, ", "))
}

// BestJoin joins areas to the layer each way in tries and returns the
// way that matches the most areas, with its join; on a tie the earlier
// way wins. A way that cannot join (a key the features lack, two
// features with one name) is passed over; its error is returned when no
// way can.
func BestJoin(l *Layer, areas []Area, tries []JoinOptions) (JoinOptions, *Join, error) {
	var best JoinOptions
	var bestJ *Join
	var first error
	for _, o := range tries {
		j, err := JoinAreas(l, areas, o)
		if err != nil {
			first = cmp.Or(first, err)
			continue
		}
		if bestJ == nil || j.Report.Matched > bestJ.Report.Matched {
			best, bestJ = o, j
		}
	}
	switch {
	case bestJ != nil:
		return best, bestJ, nil
	case first != nil:
		return JoinOptions{}, nil, first
	}
	return JoinOptions{}, nil, fmt.Errorf("geo: %s: no way to join was given", l.File)
}
