package sim

// sha256Sum is the SHA-256 digest of b: in the browser, sha256Generic.
func sha256Sum(b []byte) [32]byte { return sha256Generic(b) }
