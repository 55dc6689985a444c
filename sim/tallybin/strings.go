package tallybin

import (
	"encoding/binary"
	"strconv"
)

// maxWidth is the longest run of digits stored as a number; longer runs
// stay in the pattern's text.
const maxWidth = 18

// pattern is a string with its numbers taken out: lits[0], a number of
// widths[0] digits, lits[1], … lits[len(widths)].
type pattern struct {
	lits   []string
	widths []int
}

// split returns s's pattern and its numbers.
func split(s string) (pattern, []int64) {
	var p pattern
	var nums []int64
	lit := 0
	for i := 0; i < len(s); {
		if s[i] < '0' || s[i] > '9' {
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j-i <= maxWidth {
			n, _ := strconv.ParseInt(s[i:j], 10, 64) // at most 18 digits: fits
			p.lits = append(p.lits, s[lit:i])
			p.widths = append(p.widths, j-i)
			nums = append(nums, n)
			lit = j
		}
		i = j
	}
	p.lits = append(p.lits, s[lit:])
	return p, nums
}

func (p pattern) key() string {
	var b []byte
	b = p.append(b)
	return string(b)
}

func (p pattern) append(b []byte) []byte {
	b = binary.AppendUvarint(b, uint64(len(p.widths)))
	b = appendString(b, p.lits[0])
	for i, w := range p.widths {
		b = binary.AppendUvarint(b, uint64(w))
		b = appendString(b, p.lits[i+1])
	}
	return b
}

// appendStrings appends the column of strings ss: the patterns, which
// pattern each string has, then for each pattern a column per number.
func appendStrings(dst []byte, ss []string) []byte {
	var pats []pattern
	index := map[string]int{}
	which := make([]int64, len(ss))
	var rows [][]int // per pattern, the strings that have it
	var nums [][]int64
	for i, s := range ss {
		p, n := split(s)
		k := p.key()
		j, ok := index[k]
		if !ok {
			j = len(pats)
			index[k] = j
			pats = append(pats, p)
			rows = append(rows, nil)
		}
		which[i] = int64(j)
		rows[j] = append(rows[j], i)
		nums = append(nums, n)
	}
	var col []byte
	head := binary.AppendUvarint(nil, uint64(len(pats)))
	for _, p := range pats {
		head = p.append(head)
	}
	col = appendColumn(col, head)
	col = appendColumn(col, ints(which, nil))
	for j, p := range pats {
		var prev []int64
		for s := range p.widths {
			vals := make([]int64, len(rows[j]))
			for k, i := range rows[j] {
				vals[k] = nums[i][s]
			}
			col = appendColumn(col, ints(vals, prev))
			prev = vals
		}
	}
	return appendColumn(dst, col)
}

// strings reads n strings written by appendStrings; prefix, when not nil,
// gives a text to put before string i.
func (r *reader) strings(name string, n int, prefix func(i int) string) ([]string, error) {
	c, err := r.column(name)
	if err != nil {
		return nil, err
	}
	head, err := c.column(name + ".patterns")
	if err != nil {
		return nil, err
	}
	pats, err := head.patterns()
	if err != nil {
		return nil, err
	}
	wc, err := c.column(name + ".pattern")
	if err != nil {
		return nil, err
	}
	which, err := wc.ints(n, nil)
	if err != nil {
		return nil, err
	}
	rows := make([]int, len(pats)) // strings per pattern
	at := make([]int32, n)         // each string's row among its pattern's
	for i, j := range which {
		if j < 0 || j >= int64(len(pats)) {
			return nil, wc.fail("string %d has pattern %d of %d", i, j, len(pats))
		}
		at[i] = int32(rows[j])
		rows[j]++
	}
	// nums[j][s] holds the s-th number of the strings of pattern j.
	nums := make([][][]int64, len(pats))
	for j, p := range pats {
		nums[j] = make([][]int64, len(p.widths))
		var prev []int64
		for s, w := range p.widths {
			nc, err := c.column(name + ".number")
			if err != nil {
				return nil, err
			}
			vals, err := nc.ints(rows[j], prev)
			if err != nil {
				return nil, err
			}
			for _, v := range vals {
				if v < 0 || v >= pow10[w] {
					return nil, nc.fail("number %d does not have %d digits", v, w)
				}
			}
			nums[j][s], prev = vals, vals
		}
	}
	// All the strings are written into one buffer and sliced from one
	// string, rather than allocated one by one.
	size := 0
	for i, j := range which {
		for _, l := range pats[j].lits {
			size += len(l)
		}
		for _, w := range pats[j].widths {
			size += w
		}
		if prefix != nil {
			size += len(prefix(i))
		}
	}
	buf := make([]byte, 0, size)
	ends := make([]int, n)
	for i, j := range which {
		p := pats[j]
		if prefix != nil {
			buf = append(buf, prefix(i)...)
		}
		buf = append(buf, p.lits[0]...)
		for s, w := range p.widths {
			buf = appendPadded(buf, nums[j][s][at[i]], w)
			buf = append(buf, p.lits[s+1]...)
		}
		ends[i] = len(buf)
	}
	all := string(buf)
	out := make([]string, n)
	start := 0
	for i, e := range ends {
		out[i], start = all[start:e], e
	}
	return out, c.done()
}

// appendPadded appends v in decimal, with leading zeros to width w.
func appendPadded(b []byte, v int64, w int) []byte {
	var tmp [20]byte
	d := strconv.AppendInt(tmp[:0], v, 10)
	for k := len(d); k < w; k++ {
		b = append(b, '0')
	}
	return append(b, d...)
}

var pow10 = func() []int64 {
	p := make([]int64, maxWidth+1)
	p[0] = 1
	for i := 1; i <= maxWidth; i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

func (r *reader) patterns() ([]pattern, error) {
	n, err := r.small(uint64(len(r.b)), "number of patterns")
	if err != nil {
		return nil, err
	}
	pats := make([]pattern, n)
	for i := range pats {
		k, err := r.small(uint64(len(r.b)-r.off), "number of numbers")
		if err != nil {
			return nil, err
		}
		p := pattern{lits: make([]string, k+1), widths: make([]int, k)}
		if p.lits[0], err = r.str(); err != nil {
			return nil, err
		}
		for s := range k {
			if p.widths[s], err = r.small(maxWidth, "width"); err != nil {
				return nil, err
			}
			if p.widths[s] == 0 {
				return nil, r.fail("width 0")
			}
			if p.lits[s+1], err = r.str(); err != nil {
				return nil, err
			}
		}
		pats[i] = p
	}
	return pats, r.done()
}
