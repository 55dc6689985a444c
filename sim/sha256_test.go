package sim

import (
	"crypto/sha256"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSHA256 checks sha256Sum against crypto/sha256 on every length up to
// three blocks and beyond (each padding case), on random bytes, and on a
// few megabytes.
func TestSHA256(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	buf := make([]byte, 4<<20)
	for i := range buf {
		buf[i] = byte(r.Uint32())
	}
	for n := 0; n <= 300; n++ {
		require.Equal(t, sha256.Sum256(buf[:n]), sha256Generic(buf[:n]), "%d bytes", n)
	}
	for _, n := range []int{1000, 4095, 65536, len(buf)} {
		assert.Equal(t, sha256.Sum256(buf[:n]), sha256Generic(buf[:n]), "%d bytes", n)
	}
	assert.Equal(t, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", NewDigest([]byte("abc")).String(), "FIPS 180-4's example")
}

// TestSHA256Constants derives the constants from the primes they come
// from: the first 32 bits of the fractional parts of the square roots of
// the first 8 primes and of the cube roots of the first 64.
func TestSHA256Constants(t *testing.T) {
	var primes []int64
	for n := int64(2); len(primes) < 64; n++ {
		prime := true
		for _, p := range primes {
			if n%p == 0 {
				prime = false
				break
			}
		}
		if prime {
			primes = append(primes, n)
		}
	}
	// root returns floor(p^(1/k) * 2^32) mod 2^32, exactly: the integer
	// k-th root of p * 2^(32k).
	root := func(p int64, k uint) uint32 {
		x := new(big.Int).Lsh(big.NewInt(p), 32*k)
		lo, hi := big.NewInt(0), new(big.Int).Lsh(big.NewInt(1), 32+8)
		for new(big.Int).Sub(hi, lo).Cmp(big.NewInt(1)) > 0 {
			mid := new(big.Int).Rsh(new(big.Int).Add(lo, hi), 1)
			if new(big.Int).Exp(mid, big.NewInt(int64(k)), nil).Cmp(x) <= 0 {
				lo = mid
			} else {
				hi = mid
			}
		}
		return uint32(lo.Uint64())
	}
	for i, p := range primes[:8] {
		assert.Equal(t, root(p, 2), sha256Init[i], "H%d", i)
	}
	for i, p := range primes {
		assert.Equal(t, root(p, 3), sha256K[i], "K%d", i)
	}
}
