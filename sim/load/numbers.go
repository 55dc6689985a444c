package load

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/tallyscope/tallyscope/sim"
)

// plainCount parses a count written as plain digits, the common case; it
// is small enough to be inlined into the row loop.
func plainCount(s string) (int64, bool) {
	if len(s) == 0 || len(s) > 18 {
		return 0, false
	}
	var v int64
	for i := 0; i < len(s); i++ {
		d := s[i] - '0'
		if d > 9 {
			return 0, false
		}
		v = v*10 + int64(d)
	}
	return v, true
}

// count parses a vote count. Empty optional counts are Unknown.
func (b *builder) count(rec []string, quoted []bool, c int, line int, optional bool) (int64, *Problem) {
	s := rec[c]
	v, ok := plainCount(s)
	msg := ""
	if !ok {
		// Decoded first, so that a message quotes what the file shows.
		v, msg = b.parseCount(b.keep(s), c < len(quoted) && quoted[c], c, line)
	}
	if msg == "" {
		if v > sim.MaxUnitVotes {
			return 0, b.ceilingProblem(line, c, v)
		}
		return v, nil
	}
	if msg == "empty" {
		if optional {
			return sim.Unknown, nil
		}
		return 0, b.fieldProblem(line, c, "the count is empty")
	}
	return 0, b.fieldProblem(line, c, "%s", msg)
}

// ceilingProblem reports a count above sim.MaxUnitVotes in field c.
func (b *builder) ceilingProblem(line, c int, v int64) *Problem {
	return b.fieldProblem(line, c, "%d is above the ceiling of %d votes per %s", v, sim.MaxUnitVotes, b.t.UnitLevel)
}

// parseCount parses a count that is not plain digits, in field c.
func (b *builder) parseCount(s string, quoted bool, c, line int) (int64, string) {
	t := strings.TrimSpace(s)
	if t == "" {
		return 0, "empty"
	}
	neg := false
	if t[0] == '-' || t[0] == '+' {
		neg = t[0] == '-'
		t = t[1:]
	}
	th := b.nf.thousands
	dec := b.nf.decimal
	declared := th != 0 || dec != 0
	if dec == 0 {
		dec = '.'
		if th == '.' {
			dec = ','
		}
	}
	// Whole part and fraction.
	whole, frac := t, ""
	if i := strings.LastIndexByte(t, dec); i >= 0 {
		whole, frac = t[:i], t[i+1:]
		if !declared {
			b.noteDot(whole, frac, s, c, line)
		}
	}
	if th == 0 && strings.IndexByte(whole, ',') >= 0 && dec != ',' && (quoted || b.nf.delim != ',') && groupedDigits(whole, ',') {
		th = ','
		if !b.sawThousands {
			b.sawThousands = true
			b.rep.guess("thousands separator: ',' (first seen as %q on line %d)", s, line)
		}
	}
	if th != 0 {
		if strings.IndexByte(whole, th) >= 0 {
			if !groupedDigits(whole, th) {
				return 0, fmt.Sprintf("%q is not a count: its thousands separators are misplaced", s)
			}
			whole = strings.ReplaceAll(whole, string(th), "")
		}
	}
	for i := 0; i < len(frac); i++ {
		if frac[i] != '0' {
			if dec == '.' && len(frac) == 3 && th == 0 && allDigits(frac) {
				return 0, fmt.Sprintf("%q is not a whole number (if '.' separates thousands here, set \"thousands\": \".\" in the mapping)", s)
			}
			return 0, fmt.Sprintf("%q is not a whole number of votes", s)
		}
	}
	if whole == "" || !allDigits(whole) {
		return 0, fmt.Sprintf("%q is not a number", s)
	}
	v, err := strconv.ParseInt(whole, 10, 64)
	if err != nil {
		return 0, fmt.Sprintf("%q is too large", s)
	}
	if neg {
		if v == 0 {
			return 0, ""
		}
		return 0, fmt.Sprintf("%q is negative; vote counts cannot be", s)
	}
	return v, ""
}

// noteDot records what a value with a '.' (read as a decimal point, since
// the mapping declares no separator) says about its column: "13045.0",
// "1234.000" and "1,234.000" show a decimal point; "2.000" reads either
// way, as 2 or as 2000. finish refuses a column with values that read
// either way and none that settles it.
func (b *builder) noteDot(whole, frac, s string, c, line int) {
	if b.seps == nil {
		b.seps = make([]colSeps, len(b.hdr))
	}
	cs := &b.seps[c]
	switch {
	case len(frac) != 3 || len(whole) > 3 || !allDigits(whole):
		cs.decimal = true
	case frac == "000" && strings.Trim(whole, "0") != "":
		if cs.ambiguous == nil {
			cs.ambiguous = b.fieldProblem(line, c, "%q", s)
			cs.whole = whole
		}
		if len(cs.lines) < 5 {
			cs.lines = append(cs.lines, line)
		}
		cs.n++
	}
}

// ambiguity returns the problem of the first column whose values read
// either way and none settles which, or nil.
func (b *builder) ambiguity() *Problem {
	for c := range b.seps {
		cs := &b.seps[c]
		if cs.ambiguous == nil || cs.decimal {
			continue
		}
		p := *cs.ambiguous
		whole := cs.whole
		lines := "line " + joinInts(cs.lines)
		if cs.n > 1 {
			lines = "lines " + joinInts(cs.lines)
		}
		if cs.n > len(cs.lines) {
			lines += fmt.Sprintf(" and %d more", cs.n-len(cs.lines))
		}
		p.Msg = fmt.Sprintf(`%s could be %s or %s000: no value in the column shows whether "." separates thousands or decimals (values that read either way on %s); set "thousands": "." in the mapping if it separates thousands, or "decimal": "." if it is a decimal point`,
			p.Msg, whole, whole, lines)
		p.kind = ErrAmbiguous
		return &p
	}
	return nil
}

func joinInts(v []int) string {
	var sb strings.Builder
	for i, n := range v {
		if i > 0 {
			sb.WriteString(", ")
		}
		sb.WriteString(strconv.Itoa(n))
	}
	return sb.String()
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return len(s) > 0
}

// groupedDigits reports whether s is digits grouped by sep in threes
// ("72,580", "1,234,567").
func groupedDigits(s string, sep byte) bool {
	parts := strings.Split(s, string(sep))
	if len(parts) < 2 || len(parts[0]) == 0 || len(parts[0]) > 3 || !allDigits(parts[0]) {
		return false
	}
	for _, p := range parts[1:] {
		if len(p) != 3 || !allDigits(p) {
			return false
		}
	}
	return true
}
