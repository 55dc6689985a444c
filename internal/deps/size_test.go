package deps

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// The size limits of the house style: a file past them, or a function, is
// usually two ideas. Test files are not measured.
const (
	maxFileLines = 600
	maxFuncLines = 120
)

// oversized lists what is still over the limits, each a file
// ("sim/load/csvload.go") or a function in its file
// ("sim/load/csvload.go:builder.row"). The list only shrinks: an entry
// that is within the limits again fails the test until it is removed, and
// nothing may be added. It is empty: every file and function is within
// the limits (issue #12).
var oversized = []string{}

// TestSize fails when a non-test Go file of the module is over
// maxFileLines lines or a function over maxFuncLines, naming each one,
// unless it is in oversized; and when an entry of oversized is no longer
// over the limits.
func TestSize(t *testing.T) {
	root := moduleRoot(t)
	var over []string
	fset := token.NewFileSet()
	for _, path := range sourceFiles(t, root) {
		rel, err := filepath.Rel(root, path)
		require.NoError(t, err)
		rel = filepath.ToSlash(rel)
		src, err := os.ReadFile(path)
		require.NoError(t, err)
		if n := bytes.Count(src, []byte("\n")); n > maxFileLines {
			over = append(over, fmt.Sprintf("%s\t%d lines (at most %d)", rel, n, maxFileLines))
		}
		f, err := parser.ParseFile(fset, path, src, parser.SkipObjectResolution)
		require.NoError(t, err, rel)
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			n := fset.Position(fd.End()).Line - fset.Position(fd.Pos()).Line + 1
			if n > maxFuncLines {
				over = append(over, fmt.Sprintf("%s:%s\t%d lines (at most %d)", rel, funcName(fd), n, maxFuncLines))
			}
		}
	}
	var news []string
	found := map[string]bool{}
	for _, o := range over {
		key, _, _ := strings.Cut(o, "\t")
		found[key] = true
		if !slices.Contains(oversized, key) {
			news = append(news, o)
		}
	}
	if len(news) > 0 {
		t.Errorf("over the size limits; split by meaning (STYLE.md), do not add to oversized:\n\t%s", strings.Join(news, "\n\t"))
	}
	var stale []string
	for _, key := range oversized {
		if !found[key] {
			stale = append(stale, key)
		}
	}
	if len(stale) > 0 {
		t.Errorf("within the size limits now; remove from oversized in size_test.go:\n\t%s", strings.Join(stale, "\n\t"))
	}
	for _, key := range oversized {
		if found[key] {
			t.Logf("still over the limits (issue #12): %s", key)
		}
	}
}

// funcName names a function as oversized does: "Name", or "Type.Name"
// for a method.
func funcName(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return fd.Name.Name
	}
	typ := fd.Recv.List[0].Type
	for {
		switch x := typ.(type) {
		case *ast.StarExpr:
			typ = x.X
			continue
		case *ast.IndexExpr:
			typ = x.X
			continue
		case *ast.IndexListExpr:
			typ = x.X
			continue
		case *ast.Ident:
			return x.Name + "." + fd.Name.Name
		}
		return fd.Name.Name
	}
}

// sourceFiles returns the paths of the module's non-test Go files, those
// of every platform (the go command's ignored files included), sorted.
func sourceFiles(t *testing.T, root string) []string {
	t.Helper()
	cmd := exec.Command("go", "list", "-e", "-json=Dir,GoFiles,CgoFiles,IgnoredGoFiles", "./...")
	cmd.Dir = root
	out, err := cmd.Output()
	require.NoError(t, err, "go list: %s", errOut(err))
	var files []string
	dec := json.NewDecoder(bytes.NewReader(out))
	for dec.More() {
		var p struct {
			Dir                               string
			GoFiles, CgoFiles, IgnoredGoFiles []string
		}
		require.NoError(t, dec.Decode(&p))
		for _, f := range slices.Concat(p.GoFiles, p.CgoFiles, p.IgnoredGoFiles) {
			if strings.HasSuffix(f, ".go") && !strings.HasSuffix(f, "_test.go") {
				files = append(files, filepath.Join(p.Dir, f))
			}
		}
	}
	require.NotEmpty(t, files, "go list found no Go files")
	slices.Sort(files)
	return files
}
