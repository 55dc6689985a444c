package web_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/tallyscope/tallyscope/internal/web"
)

// BenchmarkCompressApp compresses the real app (built here from ./wasm)
// the way the server does at its first start: gzip at its best level
// and brotli at quality 11, without the cache. Run it with
//
//	go test ./internal/web -run '^$' -bench CompressApp -benchtime 1x
//
// It reports the compressed size as a metric beside the time.
func BenchmarkCompressApp(b *testing.B) {
	root, err := web.FindRoot("")
	if err != nil {
		b.Fatal(err)
	}
	out := filepath.Join(b.TempDir(), "app.wasm")
	if err := web.BuildWASM(context.Background(), root, web.DefaultPackage, out); err != nil {
		b.Fatal(err)
	}
	raw, err := os.ReadFile(out)
	if err != nil {
		b.Fatal(err)
	}
	for _, e := range []web.Encoding{web.Gzip, web.Brotli} {
		b.Run(e.String(), func(b *testing.B) {
			b.SetBytes(int64(len(raw)))
			var size int
			for b.Loop() {
				c, err := web.Encode(context.Background(), raw, e)
				if err != nil {
					b.Fatal(err)
				}
				size = len(c)
			}
			b.ReportMetric(float64(size), "compressed-bytes")
			b.ReportMetric(float64(len(raw)), "raw-bytes")
		})
	}
}
