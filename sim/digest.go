package sim

import (
	"encoding/hex"
	"sync"
)

// Digest names a data set by the sha256 of the bytes it was read from, so
// that a scenario or a chart can say exactly which data it used. Hashing
// a large file costs about as much as a quarter of loading it, and
// loading or validating needs no digest, so a Digest made by NewDigest
// hashes on first use. A nil *Digest is the digest of no known bytes: its
// String is "". A Digest is safe for concurrent use.
type Digest struct {
	once sync.Once
	data []byte
	hex  string
}

// NewDigest returns the digest of data, computed when first asked for.
// data must not change afterwards.
func NewDigest(data []byte) *Digest { return &Digest{data: data} }

// KnownDigest returns a digest whose hex sha256 is already known.
func KnownDigest(hexSHA256 string) *Digest {
	d := &Digest{hex: hexSHA256}
	d.once.Do(func() {})
	return d
}

// String returns the hex sha256, or "" for a nil Digest.
func (d *Digest) String() string {
	if d == nil {
		return ""
	}
	d.once.Do(func() {
		sum := sha256Sum(d.data)
		d.hex = hex.EncodeToString(sum[:])
		d.data = nil
	})
	return d.hex
}

// MarshalText returns the hex sha256, so that a Digest is written as a
// string in JSON.
func (d *Digest) MarshalText() ([]byte, error) { return []byte(d.String()), nil }
