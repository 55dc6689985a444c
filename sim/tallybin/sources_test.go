package tallybin_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/tallybin"
)

// stripped returns t's binary form without its units' sources, decoded
// again, and the sources as a file of their own.
func stripped(t *testing.T, tl *sim.Tally) (*sim.Tally, []byte) {
	t.Helper()
	srcs := tallybin.MarshalSources(tl)
	bare := *tl
	bare.Units = append([]sim.Unit(nil), tl.Units...)
	for i := range bare.Units {
		bare.Units[i].Source = ""
	}
	b, err := tallybin.Marshal(&bare)
	require.NoError(t, err)
	got, err := tallybin.Decode(b)
	require.NoError(t, err)
	got.Digest = nil
	return got, srcs
}

// TestSourcesRoundTrip ships a tally without its sources and attaches
// them again: the tally is the one it was.
func TestSourcesRoundTrip(t *testing.T) {
	for name, tl := range map[string]*sim.Tally{"nested": nested(), "flat": flat(), "random 3000": random(3000)} {
		got, srcs := stripped(t, tl)
		require.NoError(t, tallybin.AttachSources(got, srcs), name)
		assert.Equal(t, tl, got, name)
	}
}

// TestSourcesRefuseAnotherTally attaches one tally's sources to another
// with the same number of units but other ids, and to one with fewer
// units: both are refused and the tally keeps what it had.
func TestSourcesRefuseAnotherTally(t *testing.T) {
	a, srcs := stripped(t, nested())
	other := nested()
	other.Units[0].ID = "010101001.99"
	other.Units[0].Source = "kept"
	err := tallybin.AttachSources(other, srcs)
	require.ErrorIs(t, err, tallybin.ErrOtherTally)
	assert.Equal(t, "kept", other.Units[0].Source)
	a.Units = a.Units[:1]
	require.ErrorIs(t, tallybin.AttachSources(a, srcs), tallybin.ErrOtherTally)
	tb, err := tallybin.Marshal(nested())
	require.NoError(t, err)
	require.ErrorIs(t, tallybin.AttachSources(nested(), tb), tallybin.ErrFormat, "a tally is not a file of sources")
}

// TestSourcesSurviveEveryCutAndDamagedByte cuts a file of sources at every
// length and damages each byte: each is an error, never a panic, and the
// tally is left as it was.
func TestSourcesSurviveEveryCutAndDamagedByte(t *testing.T) {
	tl := random(40)
	bare, good := stripped(t, tl)
	for n := range len(good) {
		err := tallybin.AttachSources(bare, good[:n])
		require.Error(t, err, "cut at %d of %d", n, len(good))
		require.True(t, errors.Is(err, tallybin.ErrCorrupt) || errors.Is(err, tallybin.ErrFormat), "cut at %d: %v", n, err)
	}
	for i := range len(good) {
		for _, x := range []byte{0x01, 0x80, 0xff} {
			b := append([]byte(nil), good...)
			b[i] ^= x
			require.Error(t, tallybin.AttachSources(bare, b), "byte %d ^ %#x", i, x)
		}
	}
	for i := range bare.Units {
		require.Empty(t, bare.Units[i].Source, "unit %d after damaged files", i)
	}
}
