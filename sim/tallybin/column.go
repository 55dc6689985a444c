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
)

// zigzag maps signed to unsigned so that small magnitudes are small.
func zigzag(v int64) uint64 { return uint64(v<<1) ^ uint64(v>>63) }

func unzigzag(u uint64) int64 { return int64(u>>1) ^ -int64(u&1) }

// cost estimates the bits a compressor needs for vals: their order-0
// entropy, plus the varint bytes as a tie-break.
func cost(vals []int64) float64 {
	counts := make(map[int64]int, 64)
	var bytes int
	for _, v := range vals {
		counts[v]++
		bytes += uvarintLen(zigzag(v))
	}
	// Summed in a fixed order, so that the same values always cost the
	// same and the output is deterministic.
	cs := make([]int, 0, len(counts))
	for _, c := range counts {
		cs = append(cs, c)
	}
	slices.Sort(cs)
	n := float64(len(vals))
	var bits float64
	for _, c := range cs {
		bits -= float64(c) * math.Log2(float64(c)/n)
	}
	return bits + 8*float64(len(counts)) + float64(bytes)/8
}

func uvarintLen(u uint64) int {
	n := 1
	for u >= 0x80 {
		u >>= 7
		n++
	}
	return n
}

// ints encodes vals in the cheapest mode; alt, when not nil, is the
// same-row column that modeAlt subtracts.
func ints(vals, alt []int64) []byte {
	best, bestCost := modeRaw, cost(vals)
	diff := make([]int64, len(vals))
	var prev int64
	for i, v := range vals {
		diff[i], prev = v-prev, v
	}
	if c := cost(diff); c < bestCost {
		best, bestCost = modeDelta, c
	}
	if alt != nil {
		d := make([]int64, len(vals))
		dd := make([]int64, len(vals))
		prev = 0
		for i, v := range vals {
			d[i] = v - alt[i]
			dd[i], prev = d[i]-prev, d[i]
		}
		if c := cost(d); c < bestCost {
			best, bestCost = modeAlt, c
		}
		if c := cost(dd); c < bestCost {
			best = modeAltDelta
		}
	}
	out := make([]byte, 0, len(vals)+1)
	out = append(out, byte(best))
	prev = 0
	for i, v := range vals {
		x := v
		switch best {
		case modeDelta:
			x, prev = v-prev, v
		case modeAlt:
			x = v - alt[i]
		case modeAltDelta:
			x, prev = v-alt[i]-prev, v-alt[i]
		}
		out = binary.AppendUvarint(out, zigzag(x))
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
	mode, err := r.bytes(1)
	if err != nil {
		return nil, err
	}
	if mode[0] > modeAltDelta || (mode[0] >= modeAlt && alt == nil) {
		return nil, r.fail("unknown mode %d", mode[0])
	}
	out := make([]int64, n)
	var prev int64
	for i := range out {
		u, err := r.uvarint()
		if err != nil {
			return nil, err
		}
		x := unzigzag(u)
		switch mode[0] {
		case modeDelta:
			x += prev
			prev = x
		case modeAlt:
			x += alt[i]
		case modeAltDelta:
			prev += x
			x = prev + alt[i]
		}
		out[i] = x
	}
	return out, r.done()
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
