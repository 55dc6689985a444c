package tallybin

import (
	"encoding/binary"
	"fmt"
	"math"
	"slices"
)

// Integer column modes.
const (
	modeRaw   = 0 // each value
	modeDelta = 1 // each value minus the previous row's (the first minus 0)
	modeAlt   = 2 // each value minus another column's value in the same row
	// modeAltDelta stores the change, from the previous row, of the
	// difference modeAlt stores: two numbers that move together at a
	// steady distance cost nothing.
	modeAltDelta = 3
	// modeUnsigned is modeRaw for columns with no negative value: the
	// values as they are, without the sign bit zigzag adds.
	modeUnsigned = 4
)

// zigzag maps signed to unsigned so that small magnitudes are small.
func zigzag(v int64) uint64 { return uint64(v<<1) ^ uint64(v>>63) }

func unzigzag(u uint64) int64 { return int64(u>>1) ^ -int64(u&1) }

// planes returns how many bytes the largest of zs needs (at least 1).
func planes(zs []uint64) int {
	var top uint64
	for _, z := range zs {
		top = max(top, z)
	}
	w := 1
	for w < 8 && top >= 1<<(8*w) {
		w++
	}
	return w
}

// cost estimates the bits a compressor needs for zs written in planes
// (see ints): the sum over the planes of their bytes' order-0 entropy.
// It is summed in a fixed order, so the choice of mode is deterministic.
func cost(zs []uint64) float64 {
	n := float64(len(zs))
	var bits float64
	for k := range planes(zs) {
		var hist [256]int
		for _, z := range zs {
			hist[byte(z>>(8*k))]++
		}
		for _, c := range hist {
			if c > 0 {
				bits -= float64(c) * math.Log2(float64(c)/n)
			}
		}
	}
	return bits
}

// transform returns vals as stored in mode m: the unsigned numbers that
// the planes hold.
func transform(vals, alt []int64, m byte) []uint64 {
	zs := make([]uint64, len(vals))
	var prev int64
	for i, v := range vals {
		x := v
		switch m {
		case modeDelta:
			x, prev = v-prev, v
		case modeAlt:
			x = v - alt[i]
		case modeAltDelta:
			x, prev = v-alt[i]-prev, v-alt[i]
		}
		if m == modeUnsigned {
			zs[i] = uint64(x)
		} else {
			zs[i] = zigzag(x)
		}
	}
	return zs
}

// ints encodes vals in the cheapest mode; alt, when not nil, is the
// same-row column that modeAlt and modeAltDelta subtract.
//
// The values are written in planes: the lowest byte of each, then the
// next byte of each, and so on, as many bytes as the largest needs. Each
// plane then holds bytes of one kind, which a compressor codes better than
// varints whose bytes of every kind are interleaved.
func ints(vals, alt []int64) []byte {
	modes := []byte{modeUnsigned, modeDelta}
	if slices.ContainsFunc(vals, func(v int64) bool { return v < 0 }) {
		modes[0] = modeRaw
	}
	if alt != nil {
		modes = append(modes, modeAlt, modeAltDelta)
	}
	var best byte
	var zs []uint64
	bestCost := math.Inf(1)
	for _, m := range modes {
		z := transform(vals, alt, m)
		if c := cost(z); c < bestCost {
			best, zs, bestCost = m, z, c
		}
	}
	w := planes(zs)
	out := make([]byte, 2, 2+w*len(vals))
	out[0], out[1] = best, byte(w)
	for k := range w {
		for _, z := range zs {
			out = append(out, byte(z>>(8*k)))
		}
	}
	return out
}

// reader reads one column, remembering its name for errors.
type reader struct {
	name string
	b    []byte
	off  int
}

func (r *reader) fail(format string, args ...any) error {
	return fmt.Errorf("%w: column %s, byte %d of %d: %s", ErrCorrupt, r.name, r.off, len(r.b), fmt.Sprintf(format, args...))
}

func (r *reader) uvarint() (uint64, error) {
	v, n := binary.Uvarint(r.b[r.off:])
	switch {
	case n == 0:
		return 0, r.fail("truncated number")
	case n < 0:
		return 0, r.fail("number overflows 64 bits")
	}
	r.off += n
	return v, nil
}

// small reads a uvarint that must be at most limit.
func (r *reader) small(limit uint64, what string) (int, error) {
	v, err := r.uvarint()
	if err != nil {
		return 0, err
	}
	if v > limit {
		return 0, r.fail("%s %d is above %d", what, v, limit)
	}
	return int(v), nil
}

func (r *reader) bytes(n int) ([]byte, error) {
	if n > len(r.b)-r.off {
		return nil, r.fail("%d bytes wanted, %d left", n, len(r.b)-r.off)
	}
	b := r.b[r.off : r.off+n]
	r.off += n
	return b, nil
}

func (r *reader) str() (string, error) {
	n, err := r.small(uint64(len(r.b)-r.off), "string length")
	if err != nil {
		return "", err
	}
	b, err := r.bytes(n)
	return string(b), err
}

// column reads a nested column: a uvarint length and that many bytes.
func (r *reader) column(name string) (*reader, error) {
	n, k := binary.Uvarint(r.b[r.off:])
	if k <= 0 {
		return nil, r.fail("column %s: truncated or bad length", name)
	}
	if n > uint64(len(r.b)-r.off-k) {
		return nil, r.fail("column %s: %d bytes long, %d left", name, n, len(r.b)-r.off-k)
	}
	r.off += k
	b := r.b[r.off : r.off+int(n)]
	r.off += int(n)
	return &reader{name: name, b: b}, nil
}

// done fails when the column has bytes left over.
func (r *reader) done() error {
	if r.off != len(r.b) {
		return r.fail("%d bytes left over", len(r.b)-r.off)
	}
	return nil
}

// ints decodes n values written by ints; alt is the same-row column for
// modeAlt (nil when the writer had none).
func (r *reader) ints(n int, alt []int64) ([]int64, error) {
	if n > len(r.b) {
		return nil, r.fail("%d values cannot fit in %d bytes", n, len(r.b))
	}
	out := make([]int64, n)
	if err := r.intsInto(out, alt); err != nil {
		return nil, err
	}
	return out, nil
}

// intsInto decodes len(out) values written by ints into out.
func (r *reader) intsInto(out, alt []int64) error {
	n := len(out)
	if n > len(r.b) {
		return r.fail("%d values cannot fit in %d bytes", n, len(r.b))
	}
	mode, err := r.bytes(2)
	if err != nil {
		return err
	}
	if mode[0] > modeUnsigned || ((mode[0] == modeAlt || mode[0] == modeAltDelta) && len(alt) != n) {
		return r.fail("unknown mode %d", mode[0])
	}
	w := int(mode[1])
	if w < 1 || w > 8 || n*w != len(r.b)-r.off {
		return r.fail("%d values of %d bytes in %d bytes", n, w, len(r.b)-r.off)
	}
	planes := r.b[r.off:]
	r.off = len(r.b)
	// Plane by plane, then the mode over the whole column: simple loops
	// that run fast even before the browser has optimised the code.
	clear(out)
	for k := range w {
		for i, b := range planes[k*n : (k+1)*n] {
			out[i] |= int64(b) << (8 * k)
		}
	}
	if mode[0] == modeUnsigned {
		return nil
	}
	for i, x := range out {
		out[i] = unzigzag(uint64(x))
	}
	var prev int64
	switch mode[0] {
	case modeDelta:
		for i, x := range out {
			prev += x
			out[i] = prev
		}
	case modeAlt:
		for i := range out {
			out[i] += alt[i]
		}
	case modeAltDelta:
		for i, x := range out {
			prev += x
			out[i] = prev + alt[i]
		}
	}
	return nil
}

// appendColumn appends b as a column: its length, then its bytes.
func appendColumn(dst, b []byte) []byte {
	dst = binary.AppendUvarint(dst, uint64(len(b)))
	return append(dst, b...)
}

func appendString(dst []byte, s string) []byte {
	dst = binary.AppendUvarint(dst, uint64(len(s)))
	return append(dst, s...)
}
