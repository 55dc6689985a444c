package tallybin

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"

	"github.com/tallyscope/tallyscope/sim"
)

// ErrOtherTally means a file of sources belongs to another tally: its
// number of units or their ids differ.
var ErrOtherTally = errors.New("tallybin: the sources are another tally's")

// sourcesMagic starts a file of sources: four letters and the version.
const sourcesMagic = "TLYS\x01"

// MarshalSources returns the sources of t's units (Unit.Source, such as
// the link to a scanned tally sheet) as a file of their own. A program
// can then ship t without them, which is most of a tally's size when
// every unit has a link of its own, and read them in when a reader first
// asks for one (AttachSources). The file names how many units t has and
// a checksum of their ids, so that it is never attached to another tally.
//
// The layout: magic "TLYS" and a version byte (1); a column with the
// number of units and the crc32 of their ids; the sources as a column of
// strings (see the package comment); a crc32 of everything before it.
func MarshalSources(t *sim.Tally) []byte {
	srcs := make([]string, len(t.Units))
	for i := range t.Units {
		srcs[i] = t.Units[i].Source
	}
	b := []byte(sourcesMagic)
	b = appendColumn(b, binary.AppendUvarint(binary.AppendUvarint(nil, uint64(len(t.Units))), uint64(idsSum(t))))
	b = appendStrings(b, srcs)
	return binary.LittleEndian.AppendUint32(b, crc32.ChecksumIEEE(b))
}

// AttachSources sets the sources of t's units from b, written by
// MarshalSources for the same units. It changes t only when b reads in
// full: a file that is not this form wraps ErrFormat, a damaged one
// ErrCorrupt, and one written for other units ErrOtherTally.
func AttachSources(t *sim.Tally, b []byte) error {
	if len(b) < len(sourcesMagic)-1 || string(b[:len(sourcesMagic)-1]) != sourcesMagic[:len(sourcesMagic)-1] {
		return fmt.Errorf("%w of sources", ErrFormat)
	}
	if len(b) < len(sourcesMagic)+4 {
		return fmt.Errorf("%w: %d bytes, too short", ErrCorrupt, len(b))
	}
	if v := b[len(sourcesMagic)-1]; v != sourcesMagic[len(sourcesMagic)-1] {
		return fmt.Errorf("%w: sources version %d (this program reads version %d)", ErrFormat, v, sourcesMagic[len(sourcesMagic)-1])
	}
	body, sum := b[:len(b)-4], binary.LittleEndian.Uint32(b[len(b)-4:])
	if got := crc32.ChecksumIEEE(body); got != sum {
		return fmt.Errorf("%w: checksum %08x, expected %08x (the file is truncated or damaged)", ErrCorrupt, got, sum)
	}
	r := &reader{name: "sources", b: body[len(sourcesMagic):]}
	cc, err := r.column("counts")
	if err != nil {
		return err
	}
	n, err := cc.uvarint()
	if err != nil {
		return err
	}
	ids, err := cc.uvarint()
	if err != nil {
		return err
	}
	if err := cc.done(); err != nil {
		return err
	}
	if n != uint64(len(t.Units)) || ids != uint64(idsSum(t)) {
		return fmt.Errorf("%w: they are for %d units (ids %08x), the tally has %d (ids %08x)", ErrOtherTally, n, ids, len(t.Units), idsSum(t))
	}
	srcs, err := r.strings("unit.source", len(t.Units), nil)
	if err != nil {
		return err
	}
	if err := r.done(); err != nil {
		return err
	}
	for i := range t.Units {
		t.Units[i].Source = srcs[i]
	}
	return nil
}

// idsSum is the crc32 of t's unit ids, each followed by a newline.
func idsSum(t *sim.Tally) uint32 {
	h := crc32.NewIEEE()
	for i := range t.Units {
		h.Write([]byte(t.Units[i].ID))
		h.Write([]byte{'\n'})
	}
	return h.Sum32()
}
