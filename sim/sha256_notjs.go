//go:build !js

package sim

import "crypto/sha256"

// sha256Sum is the SHA-256 digest of b: natively, crypto/sha256.
func sha256Sum(b []byte) [32]byte { return sha256.Sum256(b) }
