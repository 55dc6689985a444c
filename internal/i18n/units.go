package i18n

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Units names what a tally's units are (tables, counties, precincts) in
// both languages, with the Spanish gender that articles and adjectives
// agree with. Strings write {u} and {u1} for the plural and singular,
// {U} and {U1} capitalised, and, in Spanish, {las}/{Las}, {Todas},
// {una}, {a} and {as} for the words that agree ("las mesas contadas",
// "los condados contados").
type Units struct {
	en1, enN, es1, esN string
	fem                bool
}

// Tables are polling tables ("mesas"), the default.
var Tables = Units{"table", "tables", "mesa", "mesas", true}

var knownUnits = map[string]Units{
	"table":        Tables,
	"mesa":         Tables,
	"county":       {"county", "counties", "condado", "condados", false},
	"precinct":     {"precinct", "precincts", "recinto", "recintos", false},
	"municipality": {"municipality", "municipalities", "municipio", "municipios", false},
	"district":     {"district", "districts", "distrito", "distritos", false},
	"constituency": {"constituency", "constituencies", "circunscripción", "circunscripciones", true},
	"centre":       {"centre", "centres", "centro", "centros", false},
	"ward":         {"ward", "wards", "distrito", "distritos", false},
}

// UnitsFor returns the names of a tally's units from its unit level
// ("table", "county"); an unknown level is called by its own name in
// English and "unidad" in Spanish.
func UnitsFor(level string) Units {
	l := strings.ToLower(strings.TrimSpace(level))
	if u, ok := knownUnits[l]; ok {
		return u
	}
	if strings.HasSuffix(l, "s") && len(l) > 1 {
		if u, ok := knownUnits[strings.TrimSuffix(l, "s")]; ok {
			return u
		}
	}
	if l == "" {
		return Tables
	}
	return Units{l, l + "s", "unidad", "unidades", true}
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

func (u Units) expand(s string, l Lang) string {
	if !strings.Contains(s, "{") {
		return s
	}
	one, many := u.en1, u.enN
	if l == ES {
		one, many = u.es1, u.esN
	}
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
