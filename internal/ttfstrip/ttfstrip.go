// Package ttfstrip removes from a TrueType font what the pure-Go
// rasterizer of golang.org/x/image/font/sfnt never reads: the hinting
// programs (each glyph's instructions and the fpgm, prep, cvt, hdmx, LTSH
// and VDMX tables) and the glyph names of the post table. Outlines,
// advances, kerning, the character map and the names stay as they are,
// so that a font stripped here draws and measures exactly like the
// original in the app, at about half the size.
package ttfstrip

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
)

// ErrFont is the sentinel of every error about a font that cannot be read.
var ErrFont = errors.New("ttfstrip: not a TrueType font this package can rewrite")

// dropped are the tables only a hinting interpreter reads.
var dropped = map[string]bool{"fpgm": true, "prep": true, "cvt ": true, "hdmx": true, "LTSH": true, "VDMX": true, "DSIG": true}

// Glyph component flags (the OpenType glyf table).
const (
	argsAreWords    = 0x0001
	haveScale       = 0x0008
	moreComponents  = 0x0020
	haveXYScale     = 0x0040
	haveTwoByTwo    = 0x0080
	haveInstruction = 0x0100
)

type font struct {
	tables map[string][]byte
}

func errorf(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrFont}, args...)...)
}

func parse(b []byte) (*font, error) {
	if len(b) < 12 {
		return nil, errorf("%d bytes", len(b))
	}
	if v := binary.BigEndian.Uint32(b); v != 0x00010000 {
		return nil, errorf("sfnt version %#08x (only TrueType outlines)", v)
	}
	n := int(binary.BigEndian.Uint16(b[4:]))
	if len(b) < 12+16*n {
		return nil, errorf("table directory of %d tables runs past the end", n)
	}
	f := &font{tables: map[string][]byte{}}
	for i := 0; i < n; i++ {
		r := b[12+16*i:]
		tag := string(r[:4])
		off, length := int(binary.BigEndian.Uint32(r[8:])), int(binary.BigEndian.Uint32(r[12:]))
		if off < 0 || length < 0 || off+length > len(b) {
			return nil, errorf("table %q runs past the end", tag)
		}
		f.tables[tag] = b[off : off+length]
	}
	for _, t := range []string{"head", "maxp", "loca", "glyf"} {
		if f.tables[t] == nil {
			return nil, errorf("no %s table", t)
		}
	}
	return f, nil
}

// Strip returns the font ttf without its hinting programs and glyph names.
func Strip(ttf []byte) ([]byte, error) {
	f, err := parse(ttf)
	if err != nil {
		return nil, err
	}
	head := append([]byte(nil), f.tables["head"]...)
	maxp := append([]byte(nil), f.tables["maxp"]...)
	if len(head) < 54 || len(maxp) < 6 {
		return nil, errorf("short head or maxp table")
	}
	long := binary.BigEndian.Uint16(head[50:]) == 1
	glyphs := int(binary.BigEndian.Uint16(maxp[4:]))
	glyf, loca, err := stripGlyphs(f.tables["glyf"], f.tables["loca"], glyphs, long)
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	for tag, t := range f.tables {
		if !dropped[tag] {
			out[tag] = t
		}
	}
	out["glyf"], out["loca"] = glyf, loca
	if len(maxp) >= 32 {
		// maxSizeOfInstructions: no glyph has any now.
		binary.BigEndian.PutUint16(maxp[26:], 0)
	}
	out["maxp"] = maxp
	if post := f.tables["post"]; len(post) >= 32 {
		p := append([]byte(nil), post[:32]...)
		binary.BigEndian.PutUint32(p, 0x00030000) // format 3: no glyph names
		out["post"] = p
	}
	binary.BigEndian.PutUint32(head[8:], 0) // checkSumAdjustment, set below
	out["head"] = head
	return assemble(out), nil
}

// stripGlyphs rewrites the glyf table without instructions and returns it
// with its new loca table, in the same format (short or long offsets).
func stripGlyphs(glyf, loca []byte, n int, long bool) ([]byte, []byte, error) {
	offset := func(i int) (int, error) {
		if long {
			if 4*i+4 > len(loca) {
				return 0, errorf("loca table too short for %d glyphs", n)
			}
			return int(binary.BigEndian.Uint32(loca[4*i:])), nil
		}
		if 2*i+2 > len(loca) {
			return 0, errorf("loca table too short for %d glyphs", n)
		}
		return 2 * int(binary.BigEndian.Uint16(loca[2*i:])), nil
	}
	var out []byte
	newLoca := make([]int, 0, n+1)
	for g := 0; g < n; g++ {
		start, err := offset(g)
		if err != nil {
			return nil, nil, err
		}
		end, err := offset(g + 1)
		if err != nil {
			return nil, nil, err
		}
		if start > end || end > len(glyf) {
			return nil, nil, errorf("glyph %d lies outside the glyf table", g)
		}
		newLoca = append(newLoca, len(out))
		if start == end {
			continue
		}
		b, err := stripGlyph(glyf[start:end])
		if err != nil {
			return nil, nil, fmt.Errorf("glyph %d: %w", g, err)
		}
		out = append(out, b...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	newLoca = append(newLoca, len(out))
	var l []byte
	for _, o := range newLoca {
		if long {
			l = binary.BigEndian.AppendUint32(l, uint32(o))
		} else {
			if o/2 > 0xffff {
				return nil, nil, errorf("glyf table too large for short offsets")
			}
			l = binary.BigEndian.AppendUint16(l, uint16(o/2))
		}
	}
	return out, l, nil
}

// stripGlyph returns one glyph's description without its instructions.
func stripGlyph(g []byte) ([]byte, error) {
	if len(g) < 10 {
		return nil, errorf("header of %d bytes", len(g))
	}
	contours := int(int16(binary.BigEndian.Uint16(g)))
	if contours >= 0 {
		p := 10 + 2*contours
		if p+2 > len(g) {
			return nil, errorf("contour ends run past the glyph")
		}
		skip := int(binary.BigEndian.Uint16(g[p:]))
		if p+2+skip > len(g) {
			return nil, errorf("instructions run past the glyph")
		}
		out := append([]byte(nil), g[:p]...)
		out = append(out, 0, 0)
		return append(out, g[p+2+skip:]...), nil
	}
	out := append([]byte(nil), g[:10]...)
	p := 10
	for {
		if p+4 > len(g) {
			return nil, errorf("component runs past the glyph")
		}
		flags := binary.BigEndian.Uint16(g[p:])
		size := 4 + 2
		if flags&argsAreWords != 0 {
			size = 4 + 4
		}
		switch {
		case flags&haveScale != 0:
			size += 2
		case flags&haveXYScale != 0:
			size += 4
		case flags&haveTwoByTwo != 0:
			size += 8
		}
		if p+size > len(g) {
			return nil, errorf("component runs past the glyph")
		}
		c := append([]byte(nil), g[p:p+size]...)
		binary.BigEndian.PutUint16(c, flags&^haveInstruction)
		out = append(out, c...)
		p += size
		if flags&moreComponents == 0 {
			return out, nil
		}
	}
}

// assemble writes the tables as a font file: the directory sorted by tag,
// each table padded to four bytes, with checksums and head's
// checkSumAdjustment.
func assemble(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	n := len(tags)
	pow := 1
	log := 0
	for pow*2 <= n {
		pow *= 2
		log++
	}
	out := binary.BigEndian.AppendUint32(nil, 0x00010000)
	out = binary.BigEndian.AppendUint16(out, uint16(n))
	out = binary.BigEndian.AppendUint16(out, uint16(16*pow))
	out = binary.BigEndian.AppendUint16(out, uint16(log))
	out = binary.BigEndian.AppendUint16(out, uint16(16*n-16*pow))
	off := 12 + 16*n
	var body []byte
	headAt := -1
	for _, t := range tags {
		b := tables[t]
		if t == "head" {
			headAt = off + len(body)
		}
		out = append(out, t...)
		out = binary.BigEndian.AppendUint32(out, checksum(b))
		out = binary.BigEndian.AppendUint32(out, uint32(off+len(body)))
		out = binary.BigEndian.AppendUint32(out, uint32(len(b)))
		body = append(body, b...)
		for len(body)%4 != 0 {
			body = append(body, 0)
		}
	}
	out = append(out, body...)
	if headAt >= 0 {
		binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	}
	return out
}

func checksum(b []byte) uint32 {
	var s uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		s += binary.BigEndian.Uint32(w[:])
	}
	return s
}
