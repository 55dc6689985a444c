package load

import (
	"fmt"
	"io"
	"os"
	"strings"
	"unsafe"

	"github.com/tallyscope/tallyscope/sim"
)

// Options control Read.
type Options struct {
	// Name is the file name used in messages ("RESULTADOS_2024_CSV_V2.csv").
	Name string
	// Mapping describes a CSV's columns; nil recognises a built-in one.
	Mapping *Mapping
	// Lenient skips bad rows, listing them in Report.Skipped, instead of
	// failing on the first.
	Lenient bool
}

// Read reads a tally from r. Without a mapping it reads Tallyscope's JSON
// form, or a CSV whose header holds the signature of a built-in mapping
// (see Builtins: the Venezuelan acta exports V1, V2 and QR-decoded, the
// US county results). The Report says what was recognised and guessed.
// On failure the error is a *Problem naming the file, line and column.
func Read(r io.Reader, opts Options) (*sim.Tally, *Report, error) {
	name := opts.Name
	if name == "" {
		name = "input"
	}
	b, err := readAll(r)
	if err != nil {
		return nil, nil, fmt.Errorf("load: reading %s: %w", name, err)
	}
	rep := &Report{File: name, SHA256: sim.NewDigest(b)}
	t, err := read(b, name, opts, rep)
	if err != nil {
		return nil, rep, err
	}
	t.Digest = rep.SHA256
	return t, rep, nil
}

func read(b []byte, name string, opts Options, rep *Report) (*sim.Tally, error) {
	m := opts.Mapping
	enc := ""
	if m != nil {
		enc = m.Encoding
	}
	text, latin1, err := decodeText(b, enc, name, rep)
	if err != nil {
		return nil, err
	}
	if m == nil && strings.HasPrefix(strings.TrimLeft(text, " \t\r\n"), "{") {
		if latin1 {
			text = decode1252([]byte(text)) // JSON is always UTF-8
		}
		if strings.Contains(text[:min(len(text), 4096)], `"candidates"`) && !strings.Contains(text[:min(len(text), 4096)], `"format"`) {
			return nil, &Problem{File: name, Line: 1, Msg: "this is a mapping file, not data: pass it with --map and give the CSV file as the data", kind: ErrFormat}
		}
		return readJSON([]byte(text), name, rep)
	}
	if m != nil {
		rep.Format = "CSV with a mapping"
		return loadCSV(text, latin1, m, name, opts.Lenient, rep)
	}
	header := firstLine(text)
	if m = recognise(splitHeader(header)); m != nil {
		rep.Format = m.Description
		return loadCSV(text, latin1, m, name, opts.Lenient, rep)
	}
	if latin1 {
		header = fixLatin1(header)
	}
	shown := header
	if len(shown) > 200 {
		shown = shown[:200] + "…"
	}
	return nil, &Problem{File: name, Line: 1, Msg: fmt.Sprintf("unrecognised columns (%s); describe them in a mapping file and pass it with --map (see README)", shown), kind: ErrFormat}
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return strings.TrimRight(s, "\r")
}

func splitHeader(h string) []string {
	d := sniffDelimiter(h)
	parts := strings.Split(h, string(d))
	for i, p := range parts {
		parts[i] = strings.Trim(strings.TrimSpace(p), `"`)
	}
	return parts
}

// JoinRegistered copies registered voters from src onto the units of dst
// with the same innermost-region key and unit id (for Venezuela: V1's RE
// onto V2, matched by centre and table). It returns how many units of dst
// received a value; the others keep what they had. It does not check the
// joined figures against the votes cast; Join does.
func JoinRegistered(dst, src *sim.Tally) (matched int) {
	key := func(t *sim.Tally, u *sim.Unit) string {
		if u.Region >= 0 {
			return t.Regions[u.Region].Key + "\x00" + u.ID
		}
		return u.ID
	}
	reg := make(map[string]int64, len(src.Units))
	for i := range src.Units {
		u := &src.Units[i]
		if u.Registered != sim.Unknown {
			reg[key(src, u)] = u.Registered
		}
	}
	for i := range dst.Units {
		u := &dst.Units[i]
		if r, ok := reg[key(dst, u)]; ok {
			u.Registered = r
			matched++
		}
	}
	return matched
}

// readAll reads r to the end, sizing the buffer once when r knows its
// size. The bytes are read into a strings.Builder, whose memory is not
// zeroed before it is written: for a large file that saves a pass over
// the whole buffer. The result must not be modified; the tally's strings
// share it.
func readAll(r io.Reader) ([]byte, error) {
	var sb strings.Builder
	switch v := r.(type) {
	case interface{ Len() int }:
		if int64(v.Len()) > maxInput {
			return nil, errTooLarge
		}
		sb.Grow(v.Len())
	case interface{ Stat() (os.FileInfo, error) }:
		if st, err := v.Stat(); err == nil && st.Mode().IsRegular() {
			if st.Size() > maxInput {
				return nil, errTooLarge
			}
			sb.Grow(int(st.Size()))
		}
	}
	// A stream with no end (/dev/zero, a pipe that never closes) stops at
	// the bound.
	n, err := io.Copy(&sb, io.LimitReader(r, maxInput+1))
	if err == nil && n > maxInput {
		return nil, errTooLarge
	}
	s := sb.String()
	return unsafe.Slice(unsafe.StringData(s), len(s)), err
}

// MaxInputBytes bounds the size of a file Read accepts: 2 GiB, ten times
// the largest real tally it was built for (a 9-million-unit file of
// about 200 bytes a row would be 1.8 GB).
const MaxInputBytes = 2 << 30

// maxInput is MaxInputBytes; tests lower it.
var maxInput int64 = MaxInputBytes

var errTooLarge = fmt.Errorf("%w: the input is larger than %d bytes (2 GiB), the most Tallyscope reads", ErrFormat, MaxInputBytes)
