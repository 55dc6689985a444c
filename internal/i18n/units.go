package i18n

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Units names a level of a tally (tables, counties, states) in both
// languages, with the Spanish gender that articles and adjectives agree
// with. It is the one pluraliser of the program: every "N tables",
// "1 condado" and chart title goes through it.
//
// Strings write {u} and {u1} for the plural and singular, {U} and {U1}
// capitalised, and, in Spanish, {las}/{Las}, {Todas}, {una}, {a} and
// {as} for the words that agree ("las mesas contadas", "los condados
// contados").
type Units struct {
	en1, enN, es1, esN string
	fem                bool
}

// Tables are polling tables ("mesas"), the default unit.
var Tables = Units{"table", "tables", "mesa", "mesas", true}

// knownLevels are the level names the loaders and the mappings use, in
// English and Spanish, in either language.
var knownLevels = func() map[string]Units {
	m := map[string]Units{}
	for _, u := range []Units{
		Tables,
		{"county", "counties", "condado", "condados", false},
		{"state", "states", "estado", "estados", false},
		{"municipality", "municipalities", "municipio", "municipios", false},
		{"parish", "parishes", "parroquia", "parroquias", true},
		{"centre", "centres", "centro", "centros", false},
		{"precinct", "precincts", "recinto", "recintos", false},
		{"district", "districts", "distrito", "distritos", false},
		{"constituency", "constituencies", "circunscripción", "circunscripciones", true},
		{"ward", "wards", "barrio", "barrios", false},
		{"region", "regions", "región", "regiones", true},
		{"province", "provinces", "provincia", "provincias", true},
		{"department", "departments", "departamento", "departamentos", false},
		{"country", "countries", "país", "países", false},
		{"unit", "units", "unidad", "unidades", true},
	} {
		for _, n := range []string{u.en1, u.enN, u.es1, u.esN} {
			m[n] = u
		}
	}
	m["center"], m["centers"] = m["centre"], m["centres"]
	return m
}()

// Unit is a reporting unit of unknown kind: "unit", "unidad".
var Unit = knownLevels["unit"]

// UnitsFor returns the names of a tally's units from its unit level
// ("table", "county"). An unknown level is called by its own name in
// English and "unidad" in Spanish, since a column header is rarely a
// Spanish word; no level at all is "unit".
func UnitsFor(level string) Units {
	l := normLevel(level)
	if l == "" {
		return Unit
	}
	if u, ok := knownLevels[l]; ok {
		return u
	}
	return Units{l, pluralEN(l), Unit.es1, Unit.esN, true}
}

// LevelFor returns the names of a region level ("state", "parish"). An
// unknown level keeps its own name in both languages, each pluralised by
// its own rule, since it is the data's word.
func LevelFor(level string) Units {
	l := normLevel(level)
	if l == "" {
		return Unit
	}
	if u, ok := knownLevels[l]; ok {
		return u
	}
	return Units{l, pluralEN(l), l, pluralES(l), feminineES(l)}
}

func normLevel(level string) string {
	return strings.Join(strings.Fields(strings.ToLower(level)), " ")
}

// One returns the singular name in language l: "table", "mesa".
func (u Units) One(l Lang) string {
	if l == ES {
		return u.es1
	}
	return u.en1
}

// Many returns the plural name in language l: "tables", "mesas".
func (u Units) Many(l Lang) string {
	if l == ES {
		return u.esN
	}
	return u.enN
}

// Name returns the name that goes with a count of n: singular for one in
// both languages, plural otherwise ("0 tables", "0 mesas").
func (u Units) Name(l Lang, n int64) string {
	if n == 1 {
		return u.One(l)
	}
	return u.Many(l)
}

// Feminine reports whether the Spanish name is feminine ("las mesas").
func (u Units) Feminine() bool { return u.fem }

// Count formats n units: "7,303 tables", "1 mesa".
func (l Lang) Count(n int64, u Units) string {
	return l.Int(n) + " " + u.Name(l, n)
}

// pluralEN is the English plural of a noun: county → counties, parish →
// parishes, ward → wards; a word that already ends in s is kept.
func pluralEN(w string) string {
	n := len(w)
	switch {
	case n == 0:
		return w
	case strings.HasSuffix(w, "s"):
		return w
	case n > 1 && w[n-1] == 'y' && !strings.ContainsRune("aeiou", rune(w[n-2])):
		return w[:n-1] + "ies"
	case strings.HasSuffix(w, "x"), strings.HasSuffix(w, "ch"), strings.HasSuffix(w, "sh"), strings.HasSuffix(w, "z"):
		return w + "es"
	}
	return w + "s"
}

// pluralES is the Spanish plural of a noun: a vowel takes -s, z becomes
// -ces, -ión loses its accent before -es, and any other consonant takes
// -es. A word that already ends in s is kept.
func pluralES(w string) string {
	r, _ := utf8.DecodeLastRuneInString(w)
	switch {
	case w == "":
		return w
	case r == 's':
		return w
	case strings.ContainsRune("aeiouáéó", r):
		return w + "s"
	case r == 'z':
		return strings.TrimSuffix(w, "z") + "ces"
	case strings.HasSuffix(w, "ión"):
		return strings.TrimSuffix(w, "ión") + "iones"
	}
	return w + "es"
}

// feminineES guesses the gender of a Spanish noun from its ending.
func feminineES(w string) bool {
	for _, s := range []string{"a", "ión", "dad", "tad", "as"} {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// Capital returns s with its first letter in upper case.
func Capital(s string) string {
	if s == "" {
		return s
	}
	return capitalize(s)
}

func (u Units) expand(s string, l Lang) string {
	if !strings.Contains(s, "{") {
		return s
	}
	one, many := u.One(l), u.Many(l)
	las, todas, una, a, as := "las", "Todas", "una", "a", "as"
	if !u.fem {
		las, todas, una, a, as = "los", "Todos", "un", "o", "os"
	}
	return strings.NewReplacer(
		"{u1}", one, "{u}", many, "{U1}", capitalize(one), "{U}", capitalize(many),
		"{las}", las, "{Las}", capitalize(las), "{Todas}", todas, "{una}", una,
		"{as}", as, "{a}", a,
	).Replace(s)
}
