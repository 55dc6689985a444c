package web

import (
	"context"
	"slices"
	"strings"
	"sync/atomic"
)

// asset is one file of a site with its compressed forms. The raw bytes
// never change; the compressed forms appear once they are computed.
type asset struct {
	path        string
	contentType string
	raw         []byte
	// version is a short content hash, used in URLs and ETags.
	version string
	gz, br  atomic.Pointer[[]byte]
}

func newAsset(path, contentType string, raw []byte) *asset {
	return &asset{path: path, contentType: contentType, raw: raw, version: contentHash(raw)[:16]}
}

// url returns the asset's path with its version, so that a browser can
// keep it for good: a new build gets a new URL.
func (a *asset) url() string { return strings.TrimPrefix(a.path, "/") + "?v=" + a.version }

func (a *asset) slot(e Encoding) *atomic.Pointer[[]byte] {
	if e == Brotli {
		return &a.br
	}
	return &a.gz
}

// compress computes the asset's form in coding e, from the cache when
// it is there.
func (a *asset) compress(ctx context.Context, e Encoding, cacheDir string) error {
	b, err := compressCached(ctx, a.raw, e, cacheDir)
	if err != nil {
		return err
	}
	a.slot(e).Store(&b)
	return nil
}

// body returns the asset in coding e, or nil when that form is not ready.
func (a *asset) body(e Encoding) []byte {
	if e == Identity {
		return a.raw
	}
	if p := a.slot(e).Load(); p != nil {
		return *p
	}
	return nil
}

func (a *asset) sizes() FileSize {
	return FileSize{Path: a.path, Raw: len(a.raw), Gzip: len(a.body(Gzip)), Brotli: len(a.body(Brotli))}
}

func sortAssets(as []*asset) {
	slices.SortFunc(as, func(x, y *asset) int { return strings.Compare(x.path, y.path) })
}
