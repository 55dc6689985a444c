package web

// Encode exposes encode to the black-box tests and benchmarks.
var Encode = encode

// CachedPages returns how many pages the site keeps rendered.
func (s *Site) CachedPages() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.rendered)
}

// BrotliWindow exposes brotliWindow to the tests.
var BrotliWindow = brotliWindow
