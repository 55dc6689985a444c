package web

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// ModulePath is the import path of the module the app is built from.
const ModulePath = "github.com/tallyscope/tallyscope"

// ErrNoModule means that no directory above the starting one holds the
// go.mod of ModulePath, so the app cannot be built from source.
var ErrNoModule = errors.New("web: not inside the tallyscope source tree")

// FindRoot returns the directory that holds the go.mod of ModulePath,
// walking up from dir (the working directory when dir is empty).
func FindRoot(dir string) (string, error) {
	if dir == "" {
		wd, err := os.Getwd()
		if err != nil {
			return "", fmt.Errorf("web: working directory: %w", err)
		}
		dir = wd
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("web: %w", err)
	}
	for d := dir; ; d = filepath.Dir(d) {
		if modulePathOf(filepath.Join(d, "go.mod")) == ModulePath {
			return d, nil
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("%w: no go.mod of %s in %s or above it (run the command from a clone of the repository)", ErrNoModule, ModulePath, dir)
		}
	}
}

// modulePathOf returns the module path declared by a go.mod file, or ""
// when the file is missing or declares none.
func modulePathOf(gomod string) string {
	f, err := os.Open(gomod)
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if rest, ok := strings.CutPrefix(line, "module"); ok && rest != "" && (rest[0] == ' ' || rest[0] == '\t') {
			return strings.Trim(strings.TrimSpace(rest), `"`)
		}
	}
	return ""
}
