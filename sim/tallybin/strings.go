package tallybin

import (
	"encoding/binary"
	"strconv"
	"strings"
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

// join rebuilds the string of p with numbers nums.
func (p pattern) join(nums []int64, sb *strings.Builder) string {
	sb.Reset()
	sb.WriteString(p.lits[0])
	var buf [maxWidth]byte
	for i, w := range p.widths {
		d := strconv.AppendInt(buf[:0], nums[i], 10)
		for k := len(d); k < w; k++ {
			sb.WriteByte('0')
		}
		sb.Write(d)
		sb.WriteString(p.lits[i+1])
	}
	return sb.String()
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

// strings reads n strings written by appendStrings.
func (r *reader) strings(name string, n int) ([]string, error) {
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
	rows := make([][]int, len(pats))
	for i, j := range which {
		if j < 0 || j >= int64(len(pats)) {
			return nil, wc.fail("string %d has pattern %d of %d", i, j, len(pats))
		}
		rows[j] = append(rows[j], i)
	}
	nums := make([][]int64, n)
	for j, p := range pats {
		var prev []int64
		for _, w := range p.widths {
			nc, err := c.column(name + ".number")
			if err != nil {
				return nil, err
			}
			vals, err := nc.ints(len(rows[j]), prev)
			if err != nil {
				return nil, err
			}
			limit := pow10[w]
			for k, i := range rows[j] {
				if vals[k] < 0 || vals[k] >= limit {
					return nil, nc.fail("number %d does not have %d digits", vals[k], w)
				}
				nums[i] = append(nums[i], vals[k])
			}
			prev = vals
		}
	}
	out := make([]string, n)
	var sb strings.Builder
	for i, j := range which {
		out[i] = pats[j].join(nums[i], &sb)
	}
	return out, c.done()
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
