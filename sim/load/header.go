package load

import (
	"fmt"
	"strings"
	"unicode"
)

func (b *builder) resolve() error {
	idx := make(map[string]int, len(b.hdr))
	for i, h := range b.hdr {
		if j, dup := idx[h]; dup {
			return &Problem{File: b.file, Line: 1, Column: i + 1, Msg: fmt.Sprintf("column %q appears twice in the header (columns %d and %d)", h, j+1, i+1), kind: ErrHeader}
		}
		idx[h] = i
	}
	used := make([]bool, len(b.hdr))
	col := func(name, role string, required bool) (int, error) {
		if name == "" {
			if required {
				return -1, &Problem{File: b.file, Line: 1, Msg: "the mapping names no column for " + role, kind: ErrHeader}
			}
			return -1, nil
		}
		i, ok := idx[name]
		if !ok {
			for h, j := range idx {
				if strings.EqualFold(h, name) {
					return -1, &Problem{File: b.file, Line: 1, Msg: fmt.Sprintf("no column %q for %s; did you mean %q (column %d)?", name, role, h, j+1), kind: ErrHeader}
				}
			}
			return -1, &Problem{File: b.file, Line: 1, Msg: fmt.Sprintf("no column %q for %s; the header has: %s", name, role, strings.Join(b.hdr, ", ")), kind: ErrHeader}
		}
		used[i] = true
		return i, nil
	}
	var err error
	m := b.m
	for _, l := range m.Levels {
		i, err := col(l.Column, "level "+l.Column, true)
		if err != nil {
			return err
		}
		n, err := col(l.Name, "the name of level "+l.Column, false)
		if err != nil {
			return err
		}
		b.c.levels = append(b.c.levels, i)
		b.c.levelNames = append(b.c.levelNames, n)
	}
	for _, p := range []struct {
		dst  *int
		name string
		role string
	}{
		{&b.c.unit, m.Unit, "the unit id"},
		{&b.c.name, m.Name, "the unit name"},
		{&b.c.registered, m.Registered, "registered voters"},
		{&b.c.valid, m.Valid, "valid votes"},
		{&b.c.null, m.Null, "null votes"},
		{&b.c.blank, m.Blank, "blank votes"},
		{&b.c.total, m.Total, "total votes"},
		{&b.c.source, m.Source, "the source link"},
	} {
		if *p.dst, err = col(p.name, p.role, false); err != nil {
			return err
		}
	}
	for _, c := range m.candidateSpecs() {
		i, err := col(c.Column, "candidate "+c.Column, true)
		if err != nil {
			return err
		}
		b.c.candidates = append(b.c.candidates, i)
	}
	var unused []string
	for i, u := range used {
		if !u {
			unused = append(unused, b.hdr[i])
		}
	}
	if len(unused) > 0 {
		b.rep.guess("columns not used: %s", strings.Join(unused, ", "))
	}
	return nil
}

// levelLabel names a level that the mapping gives no label: its name
// column, or else its code column, read as words without the ones that
// say "name" or "code" ("country_name" and "CountryCode" are "country").
func levelLabel(l LevelSpec) string {
	col := l.Name
	if col == "" {
		col = l.Column
	}
	var words, kept []string
	var w []rune
	flush := func() {
		if len(w) > 0 {
			words = append(words, strings.ToLower(string(w)))
			w = w[:0]
		}
	}
	prev := rune(0)
	for _, r := range col {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			flush()
		case unicode.IsUpper(r) && unicode.IsLower(prev):
			flush()
			w = append(w, r)
		default:
			w = append(w, r)
		}
		prev = r
	}
	flush()
	for _, w := range words {
		if !codeWords[w] {
			kept = append(kept, w)
		}
	}
	if len(kept) == 0 {
		kept = words
	}
	if len(kept) == 0 {
		return strings.ToLower(strings.TrimSpace(col))
	}
	return strings.Join(kept, " ")
}

// codeWords are the words of a column name that say it holds a name or a
// code, not what is named.
var codeWords = map[string]bool{
	"name": true, "names": true, "nombre": true, "nom": true,
	"code": true, "codes": true, "cod": true, "codigo": true, "código": true,
	"id": true, "key": true, "num": true, "number": true, "no": true,
}
