package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
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

// TestSummarySpanish prints the summary of the embedded data with
// --lang es: sentences, table headers, numbers and names in Spanish.
func TestSummarySpanish(t *testing.T) {
	out, errOut, code := runCLI(t, "summary", "--lang", "es", "--default")
	require.Equal(t, 0, code, errOut)
	// Spanish sets a no-break space before "%".
	out = strings.ReplaceAll(out, "\u00a0", " ")
	assert.Regexp(t, `Edmundo González Urrutia +7\.303\.480 +67,08 %`, out)
	assert.Regexp(t, `votos en blanco +desconocido`, out)
	for _, want := range []string{
		"Venezuela, elección presidencial, 28 de julio de 2024",
		"Los porcentajes son de los votos válidos.",
		"Resultado nacional, 25.073 mesas contadas",
		"Edmundo González Urrutia aventaja a Nicolás Maduro Moros por 3.987.338 votos (36,62 puntos) en las mesas contadas.",
		"Cobertura: 25.073 de 30.026 mesas (83,50 %); 17.743.433 de 21.392.464 electores inscritos (82,94 %)",
		"Anunciado (CNE, 1.er boletín, 2024-07-29): Nicolás Maduro Moros 5.150.092 (contados aquí: 3.316.142).",
		"Por estado (24):",
	} {
		assert.Contains(t, out, want)
	}
	for _, english := range []string{"National result", "Coverage:", "leads", "Claimed", "unknown"} {
		assert.NotContains(t, out, english)
	}
}
