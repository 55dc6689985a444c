package i18n

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// codeLiteral finds the codes that the core writes as literals: the first
// string argument of note, flag, NewNote and Errorf, and Code fields.
var codeLiteral = regexp.MustCompile(`(?:\bnote\(|\bflag\([^"\n]*|NewNote\(|sim\.Errorf\([A-Za-z]+, |Code: |code :?= |code = )"([a-z][a-z0-9.-]*\.[a-z0-9.-]+)"`)

// TestCoreCodesWorded reads the core's sources and checks that every code
// it writes has words in the catalogue, so that a new note cannot reach a
// reader as a bare code. Codes built from parts are listed by hand.
func TestCoreCodesWorded(t *testing.T) {
	var found []string
	err := filepath.WalkDir("../../sim", func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range codeLiteral.FindAllStringSubmatch(string(b), -1) {
			found = append(found, m[1])
		}
		return nil
	})
	require.NoError(t, err)
	require.Greater(t, len(found), 40, "the pattern finds the core's codes")
	for _, m := range []string{"official", "turnout", "full", "units", "auto"} {
		found = append(found, "remaining."+m)
	}
	for _, m := range []string{"baseline", "turnout", "volume"} {
		found = append(found, "model."+m, "model."+m+".by-number")
	}
	for _, c := range []string{"roundness", "digits", "fingerprint", "klimek", "spikes.turnout", "spikes.share", "turnout-share"} {
		found = append(found, "check."+c, "check."+c+".of")
	}
	for _, k := range []string{"all", "none", "above", "below", "share", "too-few"} {
		found = append(found, "win."+k)
	}
	for _, code := range found {
		assert.True(t, Has(codeKey(code)), "the core writes %q, which the catalogue does not word", code)
	}
}
