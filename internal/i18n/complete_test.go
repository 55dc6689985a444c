package i18n

import (
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"

	"github.com/tallyscope/tallyscope/sim"
)

var fmtVerb = regexp.MustCompile(`%[-+#0]*(\[[0-9]+\])?[0-9]*(\.[0-9]+)?[a-zA-Z%]`)

// sampleArgs gives one argument per verb of s: for a core note, a count
// for %s and a decimal for the others; for other strings, a name for %s,
// a whole number for %d and a decimal for the others.
func sampleArgs(s string, core bool) []any {
	var args []any
	for _, v := range fmtVerb.FindAllString(s, -1) {
		switch {
		case v == "%%":
		case core && strings.HasSuffix(v, "s"):
			args = append(args, sim.Votes(1234))
		case core:
			args = append(args, sim.Points(1.25))
		case strings.HasSuffix(v, "s"):
			args = append(args, "Zulia")
		case strings.HasSuffix(v, "d"):
			args = append(args, 7)
		default:
			args = append(args, 1.25)
		}
	}
	return args
}

// render gives the string of k in language l with sample arguments, for
// the tally's units u.
func render(l Lang, k Key, u string) string {
	if code, ok := strings.CutPrefix(string(k), "core."); ok {
		return l.Note(sim.NewNote(code, u, sampleArgs(table[k].en, true)...))
	}
	s := l.TU(k, UnitsFor(u))
	if args := sampleArgs(table[k].en, false); len(args) > 0 || strings.Contains(s, "%%") {
		return l.TUf(k, UnitsFor(u), args...)
	}
	return s
}

func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' })
}

// TestEveryStringSpeaksBoth renders every string of the catalogue (the
// app's, the charts', the page's, the command line's and every code of
// the core) in both languages with sample arguments and units, and fails
// when a string lacks either language, when formatting leaves a verb or a
// placeholder unfilled, or when a word that only the English strings use
// turns up in Spanish.
func TestEveryStringSpeaksBoth(t *testing.T) {
	english, spanish := map[string]bool{}, map[string]bool{}
	all := []entry{}
	for _, e := range table {
		all = append(all, e)
	}
	for _, e := range dataTexts {
		all = append(all, e)
	}
	for _, e := range all {
		for _, w := range words(e.en) {
			english[strings.ToLower(w)] = true
		}
		for _, w := range words(e.es) {
			spanish[strings.ToLower(w)] = true
		}
	}
	for _, u := range knownLevels {
		for _, w := range []string{u.es1, u.esN} {
			spanish[w] = true
		}
	}
	for w := range spanish {
		delete(english, w)
	}
	// The detector knows the interface's English words.
	for _, w := range []string{"counted", "leads", "source", "missing", "turnout", "bulletin"} {
		assert.True(t, english[w], "%q is not in the English word list", w)
	}
	for k, e := range table {
		if !assert.NotEmpty(t, e.en, "%s has no English", k) || !assert.NotEmpty(t, e.es, "%s has no Spanish", k) {
			continue
		}
		for _, level := range []string{"table", "county", "constituency", "booth", ""} {
			for _, l := range Langs {
				s := render(l, k, level)
				assert.NotContains(t, s, "%!", "%s %s %s: a verb is left: %q", k, l.Code(), level, s)
				assert.NotContains(t, s, "{", "%s %s %s: a placeholder is left: %q", k, l.Code(), level, s)
			}
			es := render(ES, k, level)
			for _, w := range words(es) {
				assert.False(t, english[strings.ToLower(w)], "%s in Spanish (%s) has the English word %q: %q", k, level, w, es)
			}
		}
	}
	for label := range dataTexts {
		for _, w := range words(ES.Data(label)) {
			assert.False(t, english[strings.ToLower(w)], "claim %q in Spanish has the English word %q", label, w)
		}
	}
}

// TestLevelsPluralise checks that level names pluralise in both
// languages, known and unknown.
func TestLevelsPluralise(t *testing.T) {
	tests := []struct {
		level    string
		en1, enN string
		es1, esN string
		unitsES  string
	}{
		{"county", "county", "counties", "condado", "condados", "condados"},
		{"constituency", "constituency", "constituencies", "circunscripción", "circunscripciones", "circunscripciones"},
		{"parish", "parish", "parishes", "parroquia", "parroquias", "parroquias"},
		{"State", "state", "states", "estado", "estados", "estados"},
		{"country name", "country name", "country names", "country name", "country names", "unidades"},
		{"comuna", "comuna", "comunas", "comuna", "comunas", "unidades"},
		{"box", "box", "boxes", "box", "boxes", "unidades"},
		{"canton", "canton", "cantons", "canton", "cantones", "unidades"},
	}
	for _, tt := range tests {
		u := LevelFor(tt.level)
		assert.Equal(t, tt.en1, u.One(EN), tt.level)
		assert.Equal(t, tt.enN, u.Many(EN), tt.level)
		assert.Equal(t, tt.es1, u.One(ES), tt.level)
		assert.Equal(t, tt.esN, u.Many(ES), tt.level)
		assert.Equal(t, tt.unitsES, UnitsFor(tt.level).Many(ES), tt.level)
		assert.Equal(t, "1 "+tt.en1, EN.Count(1, LevelFor(tt.level)), tt.level)
	}
	assert.Equal(t, "7,303 tables", EN.Count(7303, UnitsFor("table")))
	assert.Equal(t, "1 mesa", ES.Count(1, UnitsFor("table")))
	assert.Equal(t, "0 condados", ES.Count(0, UnitsFor("county")))
}

// TestCoreNotes words notes of the core in both languages, with the
// numbers each language writes.
func TestCoreNotes(t *testing.T) {
	n := sim.NewNote("scenario.clamped", "table", sim.UnitCount(543))
	assert.Equal(t, "543 tables hit 0% or 100% and were clamped", EN.Note(n))
	assert.Equal(t, "543 mesas llegaron al 0\u00a0% o al 100\u00a0% y se recortaron ahí", ES.Note(n))
	n = sim.NewNote("mc.self-calibrated", "county", sim.Points(1.234), sim.Votes(12))
	assert.Contains(t, EN.Note(n), "scaled by 1.23: in 12 hold-outs of counted counties")
	assert.Contains(t, ES.Note(n), "multiplica por 1,23: en 12 pruebas con condados contados")
	n = sim.NewNote("scenario.claim-negative", "table", "Edmundo González Urrutia", sim.Votes(-2857502), sim.Label("CNE 1st bulletin"), sim.Votes(4445978), sim.Votes(7303480))
	assert.Equal(t, "Edmundo González Urrutia necesitaría -2.857.502 votos en las mesas que faltan: CNE, 1.er boletín dice 4.445.978, pero las mesas contadas ya le dan 7.303.480", ES.Note(n))
	err := sim.Errorf(nil, "scenario.no-missing.units", "county")
	assert.Equal(t, "nothing is known about the missing counties: the per-county estimate needs the number of missing counties", EN.Error(err))
	assert.Equal(t, "unknown.code(1)", EN.Note(sim.NewNote("unknown.code", "", 1)))
}
