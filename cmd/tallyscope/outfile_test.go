package main

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestOutputFilesRefuseExisting runs every command that writes a file
// at an existing file: without --force each refuses, naming the file and
// the flag, and leaves it as it was; with --force each replaces it.
func TestOutputFilesRefuseExisting(t *testing.T) {
	data := chartFixture(t)
	dir := t.TempDir()
	tests := []struct {
		name string
		file string
		args func(file string, force ...string) []string
	}{
		{"chart --out", "a.png", func(f string, force ...string) []string {
			return append(append([]string{"chart", "shares"}, force...), "--out", f, data)
		}},
		{"chart --numbers", "a.csv", func(f string, force ...string) []string {
			return append(append([]string{"chart", "shares"}, force...), "--out", filepath.Join(dir, "n.svg"), "--numbers", f, data)
		}},
		{"export --out", "b.csv", func(f string, force ...string) []string {
			return append(append([]string{"export", "regions"}, force...), "--out", f, data)
		}},
		{"convert --out", "c.json", func(f string, force ...string) []string {
			return append(append([]string{"convert"}, force...), "--out", f, data)
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := filepath.Join(dir, tc.file)
			require.NoError(t, os.WriteFile(f, []byte("old contents"), 0o600))
			_, errOut, code := runCLI(t, tc.args(f)...)
			assert.Equal(t, 1, code, "%s: %s", tc.name, errOut)
			assert.Contains(t, errOut, f+" already exists; add --force to replace it", tc.name)
			assert.Equal(t, "old contents", string(contents(t, f)), tc.name)

			os.Remove(filepath.Join(dir, "n.svg"))
			_, errOut, code = runCLI(t, tc.args(f, "--force")...)
			require.Equal(t, 0, code, "%s --force: %s", tc.name, errOut)
			assert.NotEqual(t, "old contents", string(contents(t, f)), tc.name)
			fi, err := os.Stat(f)
			require.NoError(t, err)
			assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm(), "%s: a replaced file keeps its permissions", tc.name)
			assertNoTemp(t, dir)
		})
	}
}

// TestOutputFilesRefuseSymlink points the output at a symbolic link to
// another file: every command refuses, with or without --force, and the
// file behind the link is untouched.
func TestOutputFilesRefuseSymlink(t *testing.T) {
	data := chartFixture(t)
	dir := t.TempDir()
	victim := filepath.Join(dir, "victim.txt")
	require.NoError(t, os.WriteFile(victim, []byte("precious"), 0o644))
	for _, args := range [][]string{
		{"chart", "shares", "--out", "LINK.png", data},
		{"chart", "shares", "--force", "--out", "LINK.png", data},
		{"chart", "shares", "--out", filepath.Join(dir, "ok.svg"), "--numbers", "LINK.csv", data},
		{"export", "regions", "--force", "--out", "LINK.csv", data},
		{"convert", "--force", "--out", "LINK.json", data},
		{"convert", "--out", "LINK.json", data},
	} {
		for i, a := range args {
			if filepath.Base(a) != a || len(a) < 5 || a[:4] != "LINK" {
				continue
			}
			link := filepath.Join(dir, "link"+filepath.Ext(a))
			os.Remove(link)
			require.NoError(t, os.Symlink(victim, link))
			args[i] = link
			_, errOut, code := runCLI(t, args...)
			assert.Equal(t, 1, code, "%v: %s", args, errOut)
			assert.Contains(t, errOut, link+" is a symbolic link", "%v", args)
			fi, err := os.Lstat(link)
			require.NoError(t, err)
			assert.NotZero(t, fi.Mode()&os.ModeSymlink, "%v: the link is still a link", args)
		}
		assert.Equal(t, "precious", string(contents(t, victim)), "%v", args)
	}
	assertNoTemp(t, dir)
}

// TestWriteFileFailureKeepsOld has the writer fail half-way: the old
// file keeps its contents, and no temporary file is left behind.
func TestWriteFileFailureKeepsOld(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "out.json")
	require.NoError(t, os.WriteFile(f, []byte("old contents"), 0o644))
	boom := errors.New("disk on fire")
	err := writeFile(f, true, func(w io.Writer) error {
		if _, err := w.Write(make([]byte, 100_000)); err != nil {
			return err
		}
		return boom
	})
	assert.ErrorIs(t, err, boom)
	assert.Contains(t, err.Error(), "writing "+f)
	assert.Equal(t, "old contents", string(contents(t, f)))
	assertNoTemp(t, dir)

	// A new file that fails is not created at all.
	g := filepath.Join(dir, "new.json")
	assert.ErrorIs(t, writeFile(g, false, func(io.Writer) error { return boom }), boom)
	assert.NoFileExists(t, g)
	assertNoTemp(t, dir)
}

// TestWriteFileNew writes a new file, and refuses a folder.
func TestWriteFileNew(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "new.csv")
	require.NoError(t, writeBytes(f, false, []byte("a,b\n")))
	assert.Equal(t, "a,b\n", string(contents(t, f)))
	fi, err := os.Stat(f)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o644), fi.Mode().Perm())
	err = writeBytes(dir, true, []byte("x"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "is not a regular file")
	assertNoTemp(t, dir)
}

func contents(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	require.NoError(t, err)
	return b
}

// assertNoTemp checks that no temporary file of writeFile is left in dir.
func assertNoTemp(t *testing.T, dir string) {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(dir, ".*.tmp"))
	require.NoError(t, err)
	assert.Empty(t, m, "temporary files left in %s", dir)
}
