package sim_test

import (
	"encoding/json"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/sim"
)

func TestDigest(t *testing.T) {
	// sha256 of "abc", FIPS 180-2 appendix B.1.
	const abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
	d := sim.NewDigest([]byte("abc"))
	var wg sync.WaitGroup
	got := make([]string, 4)
	for i := range got {
		wg.Go(func() { got[i] = d.String() })
	}
	wg.Wait()
	assert.Equal(t, []string{abc, abc, abc, abc}, got, "hashed once, the same for every caller")

	var none *sim.Digest
	assert.Equal(t, "", none.String(), "a tally read from no bytes has no digest")
	assert.Equal(t, "", (&sim.Tally{}).Digest.String())
	assert.Equal(t, "f1x", sim.KnownDigest("f1x").String())

	b, err := json.Marshal(struct {
		SHA256 *sim.Digest `json:"sha256"`
	}{d})
	require.NoError(t, err)
	assert.JSONEq(t, `{"sha256":"`+abc+`"}`, string(b))
}
