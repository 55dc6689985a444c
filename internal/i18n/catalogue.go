package i18n

import (
	"fmt"
	"maps"
)

// Key names one user-visible string.
type Key string

type entry struct{ en, es string }

// table is the one catalogue: the app's strings, the charts', the page's,
// the command line's and the core's codes, each in English and Spanish. A
// key may be defined once only.
var table = func() map[Key]entry {
	m := map[Key]entry{}
	for _, part := range []map[Key]entry{appStrings, chartStrings, pageStrings, coreStrings, cliStrings, handoutStrings, checkStrings, summaryStrings, mapStrings} {
		for k := range part {
			if _, dup := m[k]; dup {
				panic("i18n: key defined twice: " + string(k))
			}
		}
		maps.Copy(m, part)
	}
	return m
}()

// Has reports whether k is in the catalogue.
func Has(k Key) bool {
	_, ok := table[k]
	return ok
}

// T returns the string for k in language l, or k itself when the key is
// unknown (a test keeps every key translated). Strings that name the
// units say "tables" ("mesas"); use TU for other units.
func (l Lang) T(k Key) string { return l.TU(k, Tables) }

// Tf formats the string for k with args, as fmt.Sprintf does. Numbers
// should be formatted with Int, Percent or PP first and passed as strings.
func (l Lang) Tf(k Key, args ...any) string {
	return fmt.Sprintf(l.T(k), args...)
}

// TU returns the string for k naming the units u.
func (l Lang) TU(k Key, u Units) string {
	e, ok := table[k]
	if !ok {
		return string(k)
	}
	if l == ES {
		return u.expand(e.es, ES)
	}
	return u.expand(e.en, EN)
}

// TUf formats the string for k naming the units u.
func (l Lang) TUf(k Key, u Units, args ...any) string {
	return fmt.Sprintf(l.TU(k, u), args...)
}
