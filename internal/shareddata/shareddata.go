// Package shareddata finds the real data files that sit beside the project
// in ../shared/data, for tests and benchmarks. The files are never
// committed; a test that needs one skips with a clear message when the
// folder is absent, so a fresh clone still passes.
package shareddata

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the absolute path of ../shared/data relative to the module
// root, found by walking up from the working directory to go.mod, and
// false when it does not exist.
func Dir() (string, bool) {
	wd, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			p := filepath.Join(filepath.Dir(d), "shared", "data")
			if st, err := os.Stat(p); err == nil && st.IsDir() {
				return p, true
			}
			return "", false
		}
		if filepath.Dir(d) == d {
			return "", false
		}
	}
}

// Path returns the path of a file under ../shared/data (for example
// "venezuela-2024/RESULTADOS_2024_CSV_V2.csv"), or skips tb when the file
// is not there.
func Path(tb testing.TB, rel string) string {
	tb.Helper()
	dir, ok := Dir()
	if !ok {
		tb.Skipf("skipping: ../shared/data is not beside the project, so %s is not available", rel)
	}
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("skipping: %s is not available: %v", rel, err)
	}
	return p
}

// Open opens a file under ../shared/data, or skips tb when it is absent.
func Open(tb testing.TB, rel string) *os.File {
	tb.Helper()
	f, err := os.Open(Path(tb, rel))
	if err != nil {
		tb.Fatalf("open %s: %v", rel, err)
	}
	tb.Cleanup(func() { f.Close() })
	return f
}
