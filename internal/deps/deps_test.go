package deps

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const module = "github.com/tallyscope/tallyscope"

// forbidden lists, for packages matching a prefix of the module, import
// paths (prefixes) they must not depend on, directly or not.
var forbidden = []struct {
	pkgs   string
	banned []string
	why    string
}{
	{"sim", []string{"github.com/hajimehoshi/ebiten", "gonum.org/v1/plot", "syscall/js"}, "the core draws nothing and touches no browser"},
	{"internal/i18n", []string{"github.com/hajimehoshi/ebiten", "gonum.org/v1/plot", "syscall/js"}, "shared by the app and the charts"},
	{"internal/palette", []string{"github.com/hajimehoshi/ebiten", "gonum.org/v1/plot", "syscall/js"}, "shared by the app and the charts"},
	{"internal/choropleth", []string{"github.com/hajimehoshi/ebiten", "gonum.org/v1/plot", "syscall/js"}, "the app's map view and the static maps colour alike"},
	{"internal/view", []string{"github.com/hajimehoshi/ebiten", "gonum.org/v1/plot", "syscall/js"}, "layout is tested without a display"},
	{"internal/app", []string{"github.com/hajimehoshi/ebiten", "gonum.org/v1/plot", "syscall/js"}, "the app's model runs headless"},
	{"internal/web", []string{"github.com/hajimehoshi/ebiten", "gonum.org/v1/plot"}, "the server does not draw"},
}

// onlyImporters says which packages may import a path directly.
var onlyImporters = []struct {
	path    string
	allowed []string
}{
	{"github.com/hajimehoshi/ebiten/v2", []string{"internal/ui"}},
	{"gonum.org/v1/plot", []string{"internal/chart"}},
	{"syscall/js", []string{"internal/ui", "wasm"}},
}

type pkg struct {
	ImportPath   string
	Imports      []string
	Deps         []string
	GoFiles      []string
	Dir          string
	TestImports  []string
	XTestImports []string
}

func list(t *testing.T, env []string, patterns ...string) []pkg {
	t.Helper()
	root := moduleRoot(t)
	args := append([]string{"list", "-deps=false", "-json"}, patterns...)
	cmd := exec.Command("go", args...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.Output()
	require.NoError(t, err, "go list: %s", errOut(err))
	var pkgs []pkg
	dec := json.NewDecoder(bytes.NewReader(out))
	for dec.More() {
		var p pkg
		require.NoError(t, dec.Decode(&p))
		pkgs = append(pkgs, p)
	}
	return pkgs
}

func errOut(err error) string {
	if ee, ok := err.(*exec.ExitError); ok {
		return string(ee.Stderr)
	}
	return ""
}

func moduleRoot(t *testing.T) string {
	wd, err := os.Getwd()
	require.NoError(t, err)
	for d := wd; d != filepath.Dir(d); d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
	}
	t.Fatal("no go.mod above the test")
	return ""
}

func rel(path string) string { return strings.TrimPrefix(strings.TrimPrefix(path, module), "/") }

func under(path, prefix string) bool { return path == prefix || strings.HasPrefix(path, prefix+"/") }

func hasPrefixAny(path string, prefixes []string) bool {
	for _, p := range prefixes {
		if under(path, p) {
			return true
		}
	}
	return false
}

func checkForbidden(t *testing.T, env []string, label string) {
	pkgs := list(t, env, "./...")
	jsImporters := map[string]bool{}
	for _, p := range pkgs {
		for _, imp := range p.Imports {
			if imp == "syscall/js" {
				jsImporters[p.ImportPath] = true
			}
		}
	}
	for _, p := range pkgs {
		r := rel(p.ImportPath)
		for _, rule := range forbidden {
			if !under(r, rule.pkgs) {
				continue
			}
			for _, d := range p.Deps {
				for _, b := range rule.banned {
					if b == "syscall/js" {
						// The standard library uses it under js; what
						// matters is that no package of ours reaching
						// here imports it, which the direct check below
						// and TestOnlyOnePackageImportsEach cover.
						continue
					}
					assert.False(t, under(d, b), "%s: %s depends on %s, but %s (%s)", label, r, d, rule.pkgs, rule.why)
				}
				if jsImporters[d] {
					assert.Fail(t, "forbidden dependency", "%s: %s depends on %s, which imports syscall/js (%s)", label, r, d, rule.why)
				}
			}
			for _, imp := range p.Imports {
				assert.NotEqual(t, "syscall/js", imp, "%s: %s imports syscall/js (%s)", label, r, rule.why)
			}
		}
	}
}

func TestCoreImportsNoGraphics(t *testing.T) {
	checkForbidden(t, nil, "native")
	checkForbidden(t, []string{"GOOS=js", "GOARCH=wasm"}, "wasm")
}

func TestOnlyOnePackageImportsEach(t *testing.T) {
	for _, env := range [][]string{nil, {"GOOS=js", "GOARCH=wasm"}} {
		for _, p := range list(t, env, "./...") {
			r := rel(p.ImportPath)
			for _, imp := range p.Imports {
				for _, rule := range onlyImporters {
					if under(imp, rule.path) {
						assert.True(t, hasPrefixAny(r, rule.allowed), "%s imports %s; only %v may", r, imp, rule.allowed)
					}
				}
			}
		}
	}
}

// TestSyscallJSInFewFiles keeps syscall/js in thin, purpose-named files.
func TestSyscallJSInFewFiles(t *testing.T) {
	var files []string
	for _, p := range list(t, []string{"GOOS=js", "GOARCH=wasm"}, "./...") {
		for _, f := range p.GoFiles {
			path := filepath.Join(p.Dir, f)
			fh, err := os.Open(path)
			require.NoError(t, err)
			sc := bufio.NewScanner(fh)
			for sc.Scan() {
				if strings.Contains(sc.Text(), `"syscall/js"`) {
					files = append(files, rel(p.ImportPath)+"/"+f)
					break
				}
			}
			fh.Close()
		}
	}
	assert.LessOrEqual(t, len(files), 2, "syscall/js should live in one small file per side: %v", files)
}

// TestBrowserBuildHasNoPlot: gonum/plot doubles the .wasm; the default
// data's sheet links (assets/sheets) are fetched apart, on demand.
func TestBrowserBuildHasNoPlot(t *testing.T) {
	root := moduleRoot(t)
	if _, err := os.Stat(filepath.Join(root, "wasm")); err != nil {
		t.Skip("no wasm entry yet")
	}
	cmd := exec.Command("go", "list", "-deps", "./wasm/...")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	require.NoError(t, err, errOut(err))
	for _, d := range strings.Fields(string(out)) {
		assert.False(t, under(d, "gonum.org/v1/plot"), "the browser build depends on %s", d)
		assert.False(t, under(d, module+"/internal/chart"), "the browser build depends on %s", d)
		assert.False(t, under(d, module+"/assets/sheets"), "the browser build embeds %s", d)
	}
}

// layers is the allowlist of our own packages, lowest first, in the way of
// Go's go/build deps_test.go: each package names the packages of this
// module it may import directly. A package missing here, or a new import
// between two of ours, fails TestLayers until it is added on purpose; a
// package may only import packages listed above it, so the graph has no
// cycles and the layering stays visible in one place.
var layers = []struct {
	pkg     string
	imports []string
}{
	// The core: counting, loading, scenarios, forensics.
	{"sim", nil},
	{"sim/synth", []string{"sim"}},
	{"sim/load", []string{"sim"}},
	{"sim/tallybin", []string{"sim"}},
	{"sim/scenario", []string{"sim"}},
	{"sim/forensics", []string{"sim", "sim/synth"}},
	{"sim/geo", []string{"sim"}},

	// Shared leaves: words, colours, the version, embedded files.
	{"assets", nil},
	{"assets/sheets", []string{"assets", "sim", "sim/tallybin"}},
	{"assets/fonts", nil},
	{"internal/i18n", []string{"sim"}},
	{"internal/palette", nil},
	{"internal/lesson", nil},
	{"internal/version", nil},
	{"internal/choropleth", []string{"sim", "sim/geo", "sim/scenario", "internal/palette"}},

	// The static charts and the page.
	{"internal/chart", []string{"sim", "sim/forensics", "sim/geo", "sim/scenario", "internal/choropleth", "internal/i18n", "internal/palette"}},

	// The visualizer: model, views laid out in pure Go, Ebitengine adapter.
	{"internal/app", []string{"sim", "sim/synth", "sim/load", "sim/tallybin", "sim/scenario", "sim/forensics", "sim/geo", "internal/choropleth", "internal/i18n", "internal/lesson"}},
	{"internal/view", []string{"assets/fonts", "sim", "sim/synth", "sim/forensics", "sim/geo", "internal/app", "internal/choropleth", "internal/i18n", "internal/palette"}},
	{"internal/handout", []string{"sim", "internal/app", "internal/chart", "internal/i18n", "internal/lesson"}},
	{"internal/ui", []string{"assets", "internal/app", "internal/choropleth", "internal/view", "internal/i18n", "internal/lesson", "internal/palette"}},

	// The page and its bundle: the app's first view written as HTML.
	{"internal/web", []string{"sim", "sim/load", "sim/tallybin", "assets", "assets/sheets", "internal/app", "internal/view", "internal/i18n", "internal/palette", "internal/version"}},

	// Entries.
	{"wasm", []string{"internal/ui"}},
	{"cmd/tallyscope-desktop/internal/launch", nil},
	{"cmd/tallyscope-desktop", []string{"assets/sheets", "cmd/tallyscope-desktop/internal/launch", "internal/app", "internal/chart", "internal/ui", "internal/version"}},
	{"cmd/tallyscope", []string{"assets", "assets/sheets", "sim", "sim/synth", "sim/load", "sim/tallybin", "sim/scenario", "sim/forensics", "sim/geo", "internal/chart", "internal/choropleth", "internal/handout", "internal/i18n", "internal/lesson", "internal/version", "internal/web"}},

	// Generators, run by go generate.
	{"internal/gendefault", []string{"sim", "sim/load", "sim/tallybin", "sim/geo"}},
	{"internal/ttfstrip", nil},
	{"internal/genfont", []string{"internal/ttfstrip"}},

	// Tests only.
	{"internal/deps", nil},
	{"internal/e2e", nil},
	{"internal/shareddata", nil},
}

func TestLayers(t *testing.T) {
	rank := map[string]int{}
	allowed := map[string]map[string]bool{}
	for i, l := range layers {
		rank[l.pkg] = i
		allowed[l.pkg] = map[string]bool{}
		for _, imp := range l.imports {
			j, ok := rank[imp]
			require.True(t, ok, "layers: %s may import %s, which is not listed above it", l.pkg, imp)
			require.Less(t, j, i)
			allowed[l.pkg][imp] = true
		}
	}
	for _, env := range [][]string{nil, {"GOOS=js", "GOARCH=wasm"}} {
		for _, p := range list(t, env, "./...") {
			r := rel(p.ImportPath)
			ok, listed := allowed[r]
			if !assert.True(t, listed, "%s is not in the layers of internal/deps; add it where it belongs", r) {
				continue
			}
			for _, imp := range p.Imports {
				if !strings.HasPrefix(imp, module+"/") && imp != module {
					continue
				}
				assert.True(t, ok[rel(imp)], "%s imports %s, which its layer does not allow", r, rel(imp))
			}
		}
	}
}
