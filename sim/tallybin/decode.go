package tallybin

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash/crc32"

	"github.com/tallyscope/tallyscope/sim"
)

// Decode reads a tally written by Marshal or Encode. The tally's Digest is
// the sha256 of b. A file that is not this form is an error wrapping
// ErrFormat; one that is truncated, damaged or inconsistent wraps
// ErrCorrupt.
func Decode(b []byte) (*sim.Tally, error) {
	if !Is(b) {
		return nil, ErrFormat
	}
	if len(b) < len(magic) {
		return nil, fmt.Errorf("%w: %d bytes, too short", ErrCorrupt, len(b))
	}
	if b[len(magic)-1] != magic[len(magic)-1] {
		return nil, fmt.Errorf("%w: version %d (this program reads version %d)", ErrFormat, b[len(magic)-1], magic[len(magic)-1])
	}
	if len(b) < len(magic)+4 {
		return nil, fmt.Errorf("%w: %d bytes, too short", ErrCorrupt, len(b))
	}
	body, sum := b[:len(b)-4], binary.LittleEndian.Uint32(b[len(b)-4:])
	if got := crc32.ChecksumIEEE(body); got != sum {
		return nil, fmt.Errorf("%w: checksum %08x, expected %08x (the file is truncated or damaged)", ErrCorrupt, got, sum)
	}
	t, err := decodeBody(body[len(magic):])
	if err != nil {
		return nil, err
	}
	t.Digest = sim.NewDigest(b)
	return t, nil
}

// decodeBody reads what follows the magic, without the checksum.
func decodeBody(b []byte) (*sim.Tally, error) {
	r := &reader{name: "file", b: b}
	hc, err := r.column("header")
	if err != nil {
		return nil, err
	}
	var h header
	dec := json.NewDecoder(bytes.NewReader(hc.b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&h); err != nil {
		return nil, fmt.Errorf("%w: header: %v", ErrCorrupt, err)
	}
	t := &sim.Tally{Title: h.Title, Source: h.Source, Levels: h.Levels, UnitLevel: h.UnitLevel,
		Candidates: h.Candidates, Expected: h.Expected, Claims: h.Claims}
	cc, err := r.column("counts")
	if err != nil {
		return nil, err
	}
	// Every region and unit takes at least a byte in each of its
	// columns, so the file's length bounds both counts.
	nr, err := cc.small(uint64(len(b)), "number of regions")
	if err != nil {
		return nil, err
	}
	nu, err := cc.small(uint64(min(len(b), sim.MaxUnits)), "number of units")
	if err != nil {
		return nil, err
	}
	if err := cc.done(); err != nil {
		return nil, err
	}
	if t.Regions, err = r.regions(nr); err != nil {
		return nil, err
	}
	if t.Units, err = r.units(nu, len(t.Candidates), t.Regions); err != nil {
		return nil, err
	}
	if err := r.done(); err != nil {
		return nil, err
	}
	if err := t.Validate(); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	return t, nil
}

// intsColumn reads a column of len(out) integers into out.
func (r *reader) intsColumn(name string, out, alt []int64) error {
	c, err := r.column(name)
	if err != nil {
		return err
	}
	if err := c.intsInto(out, alt); err != nil {
		return err
	}
	return c.done()
}

// intColumn reads a column of n integers.
func (r *reader) intColumn(name string, n int) ([]int64, error) {
	c, err := r.column(name)
	if err != nil {
		return nil, err
	}
	return c.ints(n, nil)
}

func (r *reader) regions(n int) ([]sim.Region, error) {
	level, err := r.intColumn("region.level", n)
	if err != nil {
		return nil, err
	}
	parent, err := r.intColumn("region.parent", n)
	if err != nil {
		return nil, err
	}
	named, err := r.intColumn("region.named", n)
	if err != nil {
		return nil, err
	}
	keys, err := r.strings("region.key", n, nil)
	if err != nil {
		return nil, err
	}
	var nn int
	for _, v := range named {
		if v != 0 {
			nn++
		}
	}
	names, err := r.strings("region.name", nn, nil)
	if err != nil {
		return nil, err
	}
	if n == 0 {
		return nil, nil
	}
	rs := make([]sim.Region, n)
	for i := range rs {
		if level[i] < 0 || level[i] > int64(n) || parent[i] < 0 || parent[i] > int64(i) {
			return nil, fmt.Errorf("%w: region %d has level %d and parent distance %d", ErrCorrupt, i, level[i], parent[i])
		}
		rs[i] = sim.Region{Level: int(level[i]), Key: keys[i], Name: keys[i], Parent: i - int(parent[i])}
		if parent[i] == 0 {
			rs[i].Parent = -1
		}
		if named[i] != 0 {
			rs[i].Name, names = names[0], names[1:]
		}
	}
	return rs, nil
}

func (r *reader) units(n, nc int, rs []sim.Region) ([]sim.Unit, error) {
	region, err := r.intColumn("unit.region", n)
	if err != nil {
		return nil, err
	}
	rel, err := r.intColumn("unit.relative", n)
	if err != nil {
		return nil, err
	}
	for i := range region {
		if region[i] < -1 || region[i] >= int64(len(rs)) {
			return nil, fmt.Errorf("%w: unit %d has region %d of %d", ErrCorrupt, i, region[i], len(rs))
		}
		if rel[i] != 0 && region[i] < 0 {
			return nil, fmt.Errorf("%w: unit %d has an id relative to no region", ErrCorrupt, i)
		}
	}
	ids, err := r.strings("unit.id", n, func(i int) string {
		if rel[i] != 0 {
			return rs[region[i]].Key
		}
		return ""
	})
	if err != nil {
		return nil, err
	}
	names, err := r.strings("unit.name", n, nil)
	if err != nil {
		return nil, err
	}
	// Each candidate's column holds at least a byte per unit.
	if n > 0 && nc > (len(r.b)-r.off)/n {
		return nil, r.fail("%d candidates' votes for %d units cannot fit in %d bytes", nc, n, len(r.b)-r.off)
	}
	us := make([]sim.Unit, n)
	votes := make([]int64, n*nc)
	for i := range us {
		us[i] = sim.Unit{ID: ids[i], Name: names[i], Region: int(region[i]), Votes: votes[i*nc : (i+1)*nc : (i+1)*nc]}
	}
	// One scratch column, read into the units field by field, keeps the
	// garbage small (it is slow to collect in the browser).
	scratch := make([]int64, n)
	for c := range nc {
		if err := r.intsColumn(fmt.Sprintf("unit.votes[%d]", c), scratch, nil); err != nil {
			return nil, err
		}
		for i, x := range scratch {
			votes[i*nc+c] = x
		}
	}
	for _, f := range []struct {
		name string
		set  func(u *sim.Unit, x int64)
	}{
		{"unit.null", func(u *sim.Unit, x int64) { u.Null = x - 1 }},
		{"unit.blank", func(u *sim.Unit, x int64) { u.Blank = x - 1 }},
		{"unit.count", func(u *sim.Unit, x int64) { u.Count = x }},
	} {
		if err := r.intsColumn(f.name, scratch, nil); err != nil {
			return nil, err
		}
		for i, x := range scratch {
			f.set(&us[i], x)
		}
	}
	// Registered voters are read against the votes cast.
	cast := region // no longer needed: reused
	for i := range us {
		cast[i] = us[i].Cast()
	}
	if err := r.intsColumn("unit.registered", scratch, cast); err != nil {
		return nil, err
	}
	for i, x := range scratch {
		us[i].Registered = x - 1
	}
	src, err := r.strings("unit.source", n, nil)
	if err != nil {
		return nil, err
	}
	if n == 0 {
		return nil, nil
	}
	for i := range us {
		us[i].Source = src[i]
	}
	return us, nil
}
