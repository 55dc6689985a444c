package load

import (
	"encoding/binary"
	"math/bits"
	"strings"
	"unsafe"
)

// csvReader splits text into records. It is written for speed on large
// exports: unquoted fields are substrings of the input (no copies), and it
// tracks the line number of every record and the column of every field for
// error messages. It accepts LF and CRLF line ends and RFC 4180 quoting.
type csvReader struct {
	s     string
	pos   int
	delim byte
	line  int // line of the next record
	// rawLine is the last record's line when it had no quotes (its
	// columns are then found on demand by column).
	rawLine string
	// fields and cols are reused between records; cols is filled only
	// for records with quotes.
	fields []string
	cols   []int
	quoted []bool
	// recLine is the first line of the last record returned.
	recLine int
}

func newCSVReader(s string, delim byte) *csvReader {
	return &csvReader{s: s, delim: delim, line: 1}
}

// next returns the next record, or ok=false at the end of the input. A
// record that is an empty line is returned as a single empty field so that
// the caller can report it. errCol is > 0 when a quoted field is malformed.
func (r *csvReader) next() (fields []string, ok bool, errCol int, errMsg string) {
	if r.pos >= len(r.s) {
		return nil, false, 0, ""
	}
	r.fields = r.fields[:0]
	r.cols = r.cols[:0]
	r.quoted = r.quoted[:0]
	r.recLine = r.line
	// Fast path: a line without quotes splits at each delimiter.
	rest := r.s[r.pos:]
	end := strings.IndexByte(rest, '\n')
	if end < 0 {
		end = len(rest)
	}
	line := rest[:end]
	if strings.IndexByte(line, '"') < 0 {
		if len(line) > 0 && line[len(line)-1] == '\r' {
			line = line[:len(line)-1]
		}
		r.fields = splitLine(line, r.delim, r.fields)
		r.rawLine = line
		r.pos += end + 1
		r.line++
		return r.fields, true, 0, ""
	}
	r.rawLine = ""
	s := r.s
	i := r.pos
	lineStart := i
	for {
		// Start of a field.
		r.cols = append(r.cols, i-lineStart+1)
		if i < len(s) && s[i] == '"' {
			// Quoted field.
			var b strings.Builder
			j := i + 1
			start := j
			for {
				k := strings.IndexByte(s[j:], '"')
				if k < 0 {
					r.pos = len(s)
					return nil, true, r.cols[len(r.cols)-1], "a quoted field is never closed"
				}
				j += k
				for _, c := range s[start:j] {
					if c == '\n' {
						r.line++
					}
				}
				if j+1 < len(s) && s[j+1] == '"' {
					b.WriteString(s[start : j+1])
					j += 2
					start = j
					continue
				}
				if b.Len() == 0 {
					r.fields = append(r.fields, s[start:j])
				} else {
					b.WriteString(s[start:j])
					r.fields = append(r.fields, b.String())
				}
				r.quoted = append(r.quoted, true)
				j++
				break
			}
			i = j
			if i < len(s) && s[i] != r.delim && s[i] != '\n' && !(s[i] == '\r' && (i+1 == len(s) || s[i+1] == '\n')) {
				r.pos = skipLine(s, i)
				r.line++
				return nil, true, i - lineStart + 1, "unexpected character after a closing quote"
			}
		} else {
			j := i
			for j < len(s) && s[j] != r.delim && s[j] != '\n' && s[j] != '"' {
				j++
			}
			if j < len(s) && s[j] == '"' {
				r.pos = skipLine(s, j)
				r.line++
				return nil, true, j - lineStart + 1, "a quote inside an unquoted field"
			}
			f := s[i:j]
			if (j == len(s) || s[j] == '\n') && len(f) > 0 && f[len(f)-1] == '\r' {
				f = f[:len(f)-1]
			}
			r.fields = append(r.fields, f)
			r.quoted = append(r.quoted, false)
			i = j
		}
		if i >= len(s) {
			r.pos = i
			r.line++
			return r.fields, true, 0, ""
		}
		switch s[i] {
		case r.delim:
			i++
			continue
		case '\r':
			i++
		}
		// s[i] == '\n'
		r.pos = i + 1
		r.line++
		return r.fields, true, 0, ""
	}
}

// splitLine splits a line without quotes at each delimiter, eight bytes at
// a time: a byte equal to the delimiter becomes zero after the XOR, and
// the exact zero-byte test below flags it (no false positives from
// borrows, so "-" after "," is not mistaken for a delimiter).
func splitLine(line string, delim byte, fields []string) []string {
	const low7 = 0x7F7F7F7F7F7F7F7F
	b := unsafe.Slice(unsafe.StringData(line), len(line))
	pat := uint64(delim) * 0x0101010101010101
	start, i := 0, 0
	for ; i+8 <= len(b); i += 8 {
		x := binary.LittleEndian.Uint64(b[i:]) ^ pat
		m := ^(((x & low7) + low7) | x | low7)
		for m != 0 {
			j := i + bits.TrailingZeros64(m)>>3
			fields = append(fields, line[start:j])
			start = j + 1
			m &= m - 1
		}
	}
	for ; i < len(b); i++ {
		if b[i] == delim {
			fields = append(fields, line[start:i])
			start = i + 1
		}
	}
	return append(fields, line[start:])
}

// column returns the 1-based byte column where field f of the last record
// starts. Records without quotes do not track columns while splitting;
// they are found again here, when an error needs one.
func (r *csvReader) column(f int) int {
	if f < len(r.cols) {
		return r.cols[f]
	}
	col := 1
	for i := 0; i < len(r.rawLine) && f > 0; i++ {
		if r.rawLine[i] == r.delim {
			f--
			col = i + 2
		}
	}
	return col
}

func skipLine(s string, i int) int {
	k := strings.IndexByte(s[i:], '\n')
	if k < 0 {
		return len(s)
	}
	return i + k + 1
}

// sniffDelimiter picks the delimiter that splits the header line into the
// most fields among comma, semicolon, tab and pipe.
func sniffDelimiter(s string) byte {
	line := s
	if k := strings.IndexByte(s, '\n'); k >= 0 {
		line = s[:k]
	}
	best, bestN := byte(','), 0
	for _, d := range []byte{',', ';', '\t', '|'} {
		if n := strings.Count(line, string(d)); n > bestN {
			best, bestN = d, n
		}
	}
	return best
}
