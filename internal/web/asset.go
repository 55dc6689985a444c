package web

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync/atomic"
	"time"
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
// it is there. When logw is not nil, a file that takes long says so every
// ten seconds and says how long it took. (Brotli at quality 11 does most
// of its work when the stream closes, so the share of bytes written says
// little about the time left: the lines count seconds.)
func (a *asset) compress(ctx context.Context, e Encoding, cacheDir string, logw io.Writer) error {
	start := time.Now()
	name := strings.TrimPrefix(a.path, "/")
	done := make(chan struct{})
	if logw != nil {
		go func() {
			tick := time.NewTicker(compressTick)
			defer tick.Stop()
			for {
				select {
				case <-done:
					return
				case <-tick.C:
					fmt.Fprintf(logw, "  %s: %s (%.1f MB): %.0f s so far…\n", e, name, float64(len(a.raw))/1e6, time.Since(start).Seconds())
				}
			}
		}()
	}
	b, err := compressCached(ctx, a.raw, e, cacheDir)
	close(done)
	if err != nil {
		return err
	}
	a.slot(e).Store(&b)
	if logw != nil && time.Since(start) > 500*time.Millisecond {
		fmt.Fprintf(logw, "  %s: %s %.1f MB → %.2f MB in %.1f s\n", e, name, float64(len(a.raw))/1e6, float64(len(b))/1e6, time.Since(start).Seconds())
	}
	return nil
}

// compressTick is how often a long compression says it is still running.
const compressTick = 10 * time.Second

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
