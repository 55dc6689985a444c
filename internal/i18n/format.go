package i18n

import (
	"math"
	"strconv"
	"strings"
)

// Lang is a display language. The zero value is English.
type Lang int

// The supported languages.
const (
	EN Lang = iota
	ES
)

// Langs lists the supported languages in menu order.
var Langs = []Lang{EN, ES}

// Parse returns the language named by a tag such as "es", "es-VE" or
// "en_US", case-insensitively, and false when the tag names no supported
// language (the result is then English).
func Parse(tag string) (Lang, bool) {
	t := strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(t, "-_"); i >= 0 {
		t = t[:i]
	}
	switch t {
	case "es", "spa", "español", "espanol", "spanish":
		return ES, true
	case "en", "eng", "english":
		return EN, true
	}
	return EN, false
}

// Code returns the two-letter code: "en" or "es".
func (l Lang) Code() string {
	if l == ES {
		return "es"
	}
	return "en"
}

// Name returns the language's own name ("English", "Español").
func (l Lang) Name() string {
	if l == ES {
		return "Español"
	}
	return "English"
}

func (l Lang) seps() (thousands, decimal string) {
	if l == ES {
		return ".", ","
	}
	return ",", "."
}

// Int formats n with thousands separators: 7,303,480 or 7.303.480. A
// negative number gets a minus sign (U+2212 is avoided: the font and
// copy-paste both prefer '-').
func (l Lang) Int(n int64) string {
	th, _ := l.seps()
	neg := n < 0
	var u uint64
	if neg {
		u = uint64(-(n + 1)) + 1
	} else {
		u = uint64(n)
	}
	s := strconv.FormatUint(u, 10)
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(th)
		}
		b.WriteRune(c)
	}
	return b.String()
}

// SignedInt formats n like Int with an explicit plus sign when positive.
func (l Lang) SignedInt(n int64) string {
	if n > 0 {
		return "+" + l.Int(n)
	}
	return l.Int(n)
}

// Float formats x with dec decimals, thousands separators in the whole
// part and the language's decimal separator: 1,234.50 or 1.234,50.
func (l Lang) Float(x float64, dec int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "–"
	}
	if dec < 0 {
		dec = 0
	}
	s := strconv.FormatFloat(math.Abs(x), 'f', dec, 64)
	whole, frac, _ := strings.Cut(s, ".")
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil {
		return s
	}
	out := l.Int(w)
	if frac != "" {
		_, ds := l.seps()
		out += ds + frac
	}
	// Only a value that still shows a non-zero digit keeps its sign.
	if x < 0 && strings.Trim(s, "0.") != "" {
		out = "-" + out
	}
	return out
}

// Percent formats a fraction (0.6708 is 67.08 per cent) with dec decimals:
// "67.08%" in English, "67,08 %" in Spanish (with a no-break space, as the
// RAE and the SI recommend).
func (l Lang) Percent(frac float64, dec int) string {
	s := l.Float(100*frac, dec)
	if l == ES {
		return s + "\u00a0%"
	}
	return s + "%"
}

// PP formats a difference in percentage points with an explicit sign:
// "+36.62 pp" or "+36,62 pp".
func (l Lang) PP(pp float64, dec int) string {
	s := l.Float(pp, dec)
	if pp > 0 && strings.Trim(s, "0.,") != "" {
		s = "+" + s
	}
	return s + "\u00a0pp"
}

// Compact formats a large count briefly for axis ticks: 7.3M or 7,3 M,
// 12k or 12 mil.
func (l Lang) Compact(n int64) string {
	a := math.Abs(float64(n))
	switch {
	case a >= 1e6:
		if l == ES {
			return l.Float(float64(n)/1e6, 1) + "\u00a0M"
		}
		return l.Float(float64(n)/1e6, 1) + "M"
	case a >= 1e4:
		if l == ES {
			return l.Float(float64(n)/1e3, 0) + "\u00a0mil"
		}
		return l.Float(float64(n)/1e3, 0) + "k"
	}
	return l.Int(n)
}
