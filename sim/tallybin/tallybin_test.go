package tallybin_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/tallybin"
)

// nested is a small tally with every kind of field: a hierarchy with named
// and unnamed regions, ids with and without their region's key, unknown
// and known counts, numbers longer than a pattern holds, an aggregate
// candidate, expectations and claims.
func nested() *sim.Tally {
	return &sim.Tally{
		Title: "Test, 1 January 2030", Source: "made up",
		Levels: []string{"state", "centre"}, UnitLevel: "table",
		Candidates: []sim.Candidate{
			{ID: "A", Name: "Ána Ñandú", Party: "P1"},
			{ID: "B", Name: "Bo"},
			{ID: "other", Name: "Others", Aggregate: true},
		},
		Regions: []sim.Region{
			{Level: 0, Key: "1", Name: "EDO. UNO", Parent: -1},
			{Level: 1, Key: "010101001", Name: "010101001", Parent: 0},
			{Level: 1, Key: "010101002", Name: "Escuela 2", Parent: 0},
			{Level: 0, Key: "02", Name: "", Parent: -1},
			{Level: 1, Key: "x", Name: "x", Parent: 3},
		},
		Units: []sim.Unit{
			{ID: "010101001.01", Region: 1, Registered: 760, Votes: []int64{323, 114, 0}, Null: 0, Blank: sim.Unknown, Source: "https://example.org/408106_205969_0184Acta0184.jpg"},
			{ID: "010101001.02", Region: 1, Registered: sim.Unknown, Votes: []int64{0, 0, 0}, Null: sim.Unknown, Blank: 0, Source: "https://example.org/408106_073085_0185Acta0185.jpg"},
			{ID: "010101002.01", Region: 2, Registered: 0, Votes: []int64{1, 2, 3}, Null: 4, Blank: 5, Count: 7, Name: "Mesa única"},
			{ID: "0007", Region: 4, Registered: 1_000_000, Votes: []int64{999_999, 0, 1}, Null: 0, Blank: 0, Source: "12345678901234567890123/00/0/"},
			{ID: "", Region: 4, Registered: sim.Unknown, Votes: []int64{sim.MaxUnitVotes / 4, 5, 0}, Null: sim.Unknown, Blank: sim.Unknown},
		},
		Expected: []sim.Expectation{{Region: -1, Units: 10, Registered: 5000, Source: "registry"}, {Region: 3, Units: 2}},
		Claims: []sim.Claim{{Label: "council", Votes: []sim.ClaimVote{{Candidate: "A", Votes: 10}}, Others: sim.Unknown,
			Valid: 12, Null: sim.Unknown, Reported: 0.1 + 0.2, Turnout: 0.5997, Decimals: 2}},
	}
}

// flat is a tally with no hierarchy.
func flat() *sim.Tally {
	return &sim.Tally{
		Levels: nil, UnitLevel: "county",
		Candidates: []sim.Candidate{{ID: "dem"}, {ID: "gop"}},
		Units: []sim.Unit{
			{ID: "01001", Name: "Autauga County", Region: -1, Registered: sim.Unknown, Votes: []int64{7000, 19000}, Null: sim.Unknown, Blank: sim.Unknown},
			{ID: "01003", Name: "Baldwin County", Region: -1, Registered: sim.Unknown, Votes: []int64{24000, 83000}, Null: sim.Unknown, Blank: sim.Unknown},
		},
	}
}

// random is a tally of n units in a three-level hierarchy, drawn with a
// fixed seed.
func random(n int) *sim.Tally {
	r := rand.New(rand.NewPCG(1, 2))
	t := &sim.Tally{Levels: []string{"a", "b", "c"}, UnitLevel: "u",
		Candidates: []sim.Candidate{{ID: "x"}, {ID: "y"}, {ID: "z"}, {ID: "w"}}}
	parent := [3]int{-1, -1, -1}
	for i := range n {
		for l := range 3 {
			if parent[l] < 0 || r.IntN(10) < 3-l {
				up := -1
				if l > 0 {
					up = parent[l-1]
				}
				key := fmt.Sprintf("%0*d", l+2, r.IntN(100*(l+1)))
				t.Regions = append(t.Regions, sim.Region{Level: l, Key: key, Name: fmt.Sprintf("R%d-%s", l, key), Parent: up})
				parent[l] = len(t.Regions) - 1
				for k := l + 1; k < 3; k++ {
					parent[k] = -1
				}
			}
		}
		u := sim.Unit{ID: fmt.Sprintf("%s.%02d", t.Regions[parent[2]].Key, i%15), Region: parent[2],
			Registered: sim.Unknown, Null: int64(r.IntN(3)) - 1, Blank: sim.Unknown,
			Source: fmt.Sprintf("https://sheets.example/%06d_%04dA.jpg", r.IntN(1_000_000), i)}
		var cast int64
		for range t.Candidates {
			v := int64(r.ExpFloat64() * 100)
			u.Votes = append(u.Votes, v)
			cast += v
		}
		if r.IntN(5) > 0 {
			u.Registered = cast + int64(r.IntN(400))
		}
		t.Units = append(t.Units, u)
	}
	return t
}

func TestRoundTrip(t *testing.T) {
	for _, tc := range []struct {
		name  string
		tally *sim.Tally
	}{
		{"nested", nested()},
		{"flat", flat()},
		{"no units", &sim.Tally{UnitLevel: "u", Candidates: []sim.Candidate{{ID: "a"}}}},
		{"random 3000", random(3000)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.NoError(t, tc.tally.Validate(), "the fixture is valid")
			b, err := tallybin.Marshal(tc.tally)
			require.NoError(t, err)
			assert.True(t, tallybin.Is(b))
			got, err := tallybin.Decode(b)
			require.NoError(t, err)
			assert.Len(t, got.Digest.String(), 64)
			got.Digest = nil
			require.Len(t, got.Units, len(tc.tally.Units))
			for i := range tc.tally.Units {
				assert.Equal(t, tc.tally.Units[i], got.Units[i], "%s: unit %d", tc.name, i)
			}
			assert.Equal(t, tc.tally, got, tc.name)
			again, err := tallybin.Marshal(got)
			require.NoError(t, err)
			assert.Equal(t, b, again, "%s: encoding is deterministic", tc.name)
			var buf bytes.Buffer
			require.NoError(t, tallybin.Encode(&buf, tc.tally))
			assert.Equal(t, b, buf.Bytes(), "Encode writes what Marshal returns")
		})
	}
}

func TestMarshalRefusesAnInvalidTally(t *testing.T) {
	bad := nested()
	bad.Units[0].Region = 0 // a state, not a centre
	_, err := tallybin.Marshal(bad)
	assert.ErrorIs(t, err, sim.ErrInvalid)
	_, err = tallybin.Marshal(&sim.Tally{})
	assert.ErrorIs(t, err, sim.ErrNoCandidates)
}

// withChecksum returns body after the magic with a valid checksum, so
// that the damage reaches the parser.
func withChecksum(body []byte) []byte {
	b := append([]byte(tallybin.Magic), body...)
	return binary.LittleEndian.AppendUint32(b, crc32.ChecksumIEEE(b))
}

func TestDecodeRefusesBadInput(t *testing.T) {
	good, err := tallybin.Marshal(nested())
	require.NoError(t, err)
	for _, tc := range []struct {
		name string
		b    []byte
		want error
		msg  string
	}{
		{"empty", nil, tallybin.ErrFormat, ""},
		{"JSON", []byte(`{"format":"tallyscope/1"}`), tallybin.ErrFormat, ""},
		{"CSV", []byte("a,b\n1,2\n"), tallybin.ErrFormat, ""},
		{"later version", append([]byte("TLYB\x02"), good[5:]...), tallybin.ErrFormat, "version 2"},
		{"magic only", []byte(tallybin.Magic), tallybin.ErrCorrupt, "too short"},
		{"last byte cut", good[:len(good)-1], tallybin.ErrCorrupt, "checksum"},
		{"one more byte", append(append([]byte(nil), good...), 0), tallybin.ErrCorrupt, "checksum"},
		{"empty body", withChecksum(nil), tallybin.ErrCorrupt, "column header"},
		{"header not JSON", withChecksum([]byte{2, '{', '['}), tallybin.ErrCorrupt, "header"},
		{"column longer than the file", withChecksum([]byte{0x7f, '{'}), tallybin.ErrCorrupt, "column header"},
		{"huge count", withChecksum([]byte{2, '{', '}', 11, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01, 0}), tallybin.ErrCorrupt, "number of regions"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tl, err := tallybin.Decode(tc.b)
			assert.Nil(t, tl)
			assert.ErrorIs(t, err, tc.want, tc.name)
			if tc.msg != "" {
				assert.ErrorContains(t, err, tc.msg, tc.name)
			}
		})
	}
}

// TestDecodeSurvivesEveryCutAndEveryDamagedByte cuts a valid file at every
// length and changes each byte in turn: the checksum must catch each, and
// the parser, given the same damage behind a valid checksum, must return
// an error or a valid tally, never panic.
func TestDecodeSurvivesEveryCutAndEveryDamagedByte(t *testing.T) {
	good, err := tallybin.Marshal(random(40))
	require.NoError(t, err)
	for n := range len(good) {
		_, err := tallybin.Decode(good[:n])
		require.Error(t, err, "cut at %d of %d", n, len(good))
		require.True(t, errors.Is(err, tallybin.ErrCorrupt) || errors.Is(err, tallybin.ErrFormat), "cut at %d: %v", n, err)
	}
	body := good[len(tallybin.Magic) : len(good)-4]
	for i := range len(good) {
		for _, x := range []byte{0x01, 0x80, 0xff} {
			b := append([]byte(nil), good...)
			b[i] ^= x
			_, err := tallybin.Decode(b)
			require.Error(t, err, "byte %d ^ %#x", i, x)
		}
	}
	for i := range len(body) {
		for _, x := range []byte{0x01, 0x7f, 0x80, 0xff} {
			b := append([]byte(nil), body...)
			b[i] ^= x
			checkBody(t, b)
		}
		checkBody(t, body[:i])
	}
}

// checkBody decodes a body that may be damaged: an error must wrap
// ErrCorrupt, and a tally must be valid and survive a round trip.
func checkBody(t *testing.T, b []byte) {
	t.Helper()
	tl, err := tallybin.DecodeBody(b)
	if err != nil {
		require.ErrorIs(t, err, tallybin.ErrCorrupt)
		return
	}
	require.NoError(t, tl.Validate())
	again, err := tallybin.Marshal(tl)
	require.NoError(t, err)
	back, err := tallybin.Decode(again)
	require.NoError(t, err)
	back.Digest = nil
	assert.Equal(t, tl, back)
}

func FuzzDecode(f *testing.F) {
	for _, tl := range []*sim.Tally{nested(), flat(), random(30)} {
		b, err := tallybin.Marshal(tl)
		require.NoError(f, err)
		f.Add(b[len(tallybin.Magic) : len(b)-4])
	}
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, body []byte) {
		checkBody(t, body)
		_, err := tallybin.Decode(withChecksum(body))
		if err != nil {
			require.ErrorIs(t, err, tallybin.ErrCorrupt)
		}
	})
}
