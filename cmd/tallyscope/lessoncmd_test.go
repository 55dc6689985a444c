package main

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLessonHandout prints a built-in lesson in both languages as a
// teacher would, lists the lessons, and refuses what it cannot do with a
// sentence: an unknown lesson, a lesson file with a mistake (named by
// line and column), an existing file without --force, and a non-PDF name.
func TestLessonHandout(t *testing.T) {
	dir := t.TempDir()
	out, errOut, code := runCLI(t, "lesson")
	require.Equal(t, 0, code, errOut)
	assert.Regexp(t, `(?m)^disputed-count +5 steps  Reading a disputed count / Cómo leer un conteo en disputa$`, out)
	assert.Regexp(t, `(?m)^natural +3 steps`, out)

	pages := regexp.MustCompile(`/Type /Page\b[^s]`)
	for _, tc := range []struct{ args []string }{
		{[]string{"lesson", "--out", filepath.Join(dir, "handout.pdf"), "disputed-count"}},
		{[]string{"lesson", "--lang", "es", "--paper", "letter", "--out", filepath.Join(dir, "guia.pdf"), "disputed-count"}},
	} {
		_, errOut, code := runCLI(t, tc.args...)
		require.Equal(t, 0, code, errOut)
		assert.Contains(t, errOut, "6 pages (5 steps)")
		b, err := os.ReadFile(tc.args[len(tc.args)-2])
		require.NoError(t, err)
		assert.Equal(t, "%PDF-", string(b[:5]))
		assert.Len(t, pages.FindAll(b, -1), 6)
	}
	_, errOut, code = runCLI(t, "lesson", "--out", filepath.Join(dir, "handout.pdf"), "disputed-count")
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "exists")

	_, errOut, code = runCLI(t, "lesson", "--out", filepath.Join(dir, "x.pdf"), "no-such-lesson")
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, `no built-in lesson "no-such-lesson" (there are disputed-count, natural)`)

	bad := filepath.Join(dir, "mine.json")
	require.NoError(t, os.WriteFile(bad, []byte("{\n  \"id\": \"mine\",\n  \"title\": {\"en\": \"T\" \"es\": \"T\"}\n}\n"), 0o644))
	_, errOut, code = runCLI(t, "lesson", "--out", filepath.Join(dir, "y.pdf"), bad)
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "mine.json:3:")

	_, errOut, code = runCLI(t, "lesson", "--out", filepath.Join(dir, "z.png"), "natural")
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "--out must name a .pdf file")
	_, err := os.Stat(filepath.Join(dir, "y.pdf"))
	assert.True(t, os.IsNotExist(err), "no file for a lesson with a mistake")
}
