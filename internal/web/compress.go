package web

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"math/bits"
	"os"
	"path/filepath"

	"github.com/andybalholm/brotli"
)

// Encoding is a content coding the server can send.
type Encoding int

// The content codings, in the order a server prefers them when a browser
// accepts several: brotli is smallest, gzip is everywhere.
const (
	Identity Encoding = iota
	Gzip
	Brotli
)

// String returns the coding's name as written in Content-Encoding, or
// "identity".
func (e Encoding) String() string {
	switch e {
	case Gzip:
		return "gzip"
	case Brotli:
		return "br"
	}
	return "identity"
}

// ext is the file-name extension of the coding's cached form.
func (e Encoding) ext() string {
	switch e {
	case Gzip:
		return ".gz"
	case Brotli:
		return ".br"
	}
	return ""
}

// BrotliQuality is the brotli quality used for every asset: the
// slowest, smallest setting (45 to 70 s for the 14 MB .wasm on this
// project's 2-core machines, against about 1 s for gzip; hence the cache
// and the background compression).
const BrotliQuality = 11

// brotliWindow returns the brotli window (as a power of two) for n
// bytes of input: the smallest that holds it, from 2^16 to 2^24 (16 MB,
// for the .wasm). A window larger than the input compresses no better,
// and quality 11 allocates in proportion to it: a 14 KB page took
// 129 MB of allocations with the 16 MB window.
func brotliWindow(n int) int {
	return min(max(bits.Len(uint(n)), 16), 24)
}

// encodeChunk is how much is compressed between two checks of the context.
const encodeChunk = 1 << 20

// encode compresses raw with the coding e at its best setting. It stops
// with ctx's error when ctx ends.
func encode(ctx context.Context, raw []byte, e Encoding) ([]byte, error) {
	var buf bytes.Buffer
	var w io.WriteCloser
	switch e {
	case Gzip:
		zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		if err != nil {
			return nil, err
		}
		w = zw
	case Brotli:
		w = brotli.NewWriterOptions(&buf, brotli.WriterOptions{Quality: BrotliQuality, LGWin: brotliWindow(len(raw))})
	default:
		return raw, nil
	}
	for off := 0; off < len(raw); off += encodeChunk {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if _, err := w.Write(raw[off:min(off+encodeChunk, len(raw))]); err != nil {
			return nil, err
		}
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// contentHash returns the hex sha256 of b.
func contentHash(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// compressCached returns raw compressed with e, reading it from the
// cache folder dir when an earlier run stored it there under raw's
// content hash, and storing it otherwise. An empty dir disables the
// cache. A cache file that cannot be written is not an error: the
// result is still correct, only the next start is slower.
func compressCached(ctx context.Context, raw []byte, e Encoding, dir string) ([]byte, error) {
	var path string
	if dir != "" {
		path = filepath.Join(dir, contentHash(raw)+e.ext())
		if b, err := os.ReadFile(path); err == nil && len(b) > 0 {
			return b, nil
		}
	}
	b, err := encode(ctx, raw, e)
	if err != nil {
		return nil, fmt.Errorf("web: %s: %w", e, err)
	}
	if path != "" {
		if err := os.MkdirAll(dir, 0o755); err == nil {
			tmp := fmt.Sprintf("%s.%d.tmp", path, os.Getpid())
			if os.WriteFile(tmp, b, 0o644) == nil {
				if os.Rename(tmp, path) != nil {
					os.Remove(tmp)
				}
			}
		}
	}
	return b, nil
}
