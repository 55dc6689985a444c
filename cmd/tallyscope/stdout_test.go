package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// failingWriter accepts n bytes, then fails every write as a full disk.
type failingWriter struct{ n int }

var errDiskFull = errors.New("no space left on device (test)")

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) <= w.n {
		w.n -= len(p)
		return len(p), nil
	}
	k := w.n
	w.n = 0
	return k, errDiskFull
}

// stdoutCommands are commands that print their result on stdout.
func stdoutCommands(data string) [][]string {
	return [][]string{
		{"summary", data},
		{"summary", "--format", "json", data},
		{"scenario", data},
		{"validate", data},
		{"convert", data},
		{"export", "regions", data},
		{"help"},
	}
}

// TestStdoutWriteErrors runs each command with a stdout that fails, at
// once or after some bytes: each exits 1 and says that the output could
// not be written.
func TestStdoutWriteErrors(t *testing.T) {
	data := chartFixture(t)
	for _, args := range stdoutCommands(data) {
		var ok bytes.Buffer
		require.Equal(t, 0, run(args, &ok, io.Discard), "%v works with a good stdout", args)
		for _, after := range []int{0, ok.Len() / 2} {
			var errOut bytes.Buffer
			code := run(args, &failingWriter{n: after}, &errOut)
			assert.Equal(t, 1, code, "%v failing after %d bytes", args, after)
			assert.Contains(t, errOut.String(), "no space left on device", "%v failing after %d bytes", args, after)
		}
	}
}

// TestStdoutDevFull writes each command's output to /dev/full, where
// every write fails with ENOSPC, as on a full disk.
func TestStdoutDevFull(t *testing.T) {
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skipf("no /dev/full: %v", err)
	}
	defer full.Close()
	data := chartFixture(t)
	for _, args := range stdoutCommands(data) {
		var errOut bytes.Buffer
		code := run(args, full, &errOut)
		assert.Equal(t, 1, code, "%v > /dev/full", args)
		assert.Contains(t, errOut.String(), "no space left on device", "%v > /dev/full", args)
	}
}
