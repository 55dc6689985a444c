package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestServeUsage(t *testing.T) {
	fake := filepath.Join(t.TempDir(), "app.wasm")
	require.NoError(t, os.WriteFile(fake, []byte("\x00asm"), 0o644))
	tests := []struct {
		args    []string
		code    int
		wantErr string
	}{
		{[]string{"serve", "--help"}, 0, "-addr address"},
		{[]string{"serve", "--bogus"}, 2, "flag provided but not defined"},
		{[]string{"serve", "file.csv"}, 2, "serve takes no arguments"},
		{[]string{"serve", "--wasm", fake, "--build-dir", t.TempDir(), "--lang", "klingon"}, 2, "unsupported language"},
		{[]string{"serve", "--wasm", fake, "--build-dir", t.TempDir(), "--data", "/no/such/file.csv"}, 2, "no such file"},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			_, errOut, code := runCLI(t, tc.args...)
			assert.Equal(t, tc.code, code, errOut)
			assert.Contains(t, errOut, tc.wantErr)
		})
	}
}

// syncBuffer is a bytes.Buffer safe for a writer and a reader in two
// goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

var openLine = regexp.MustCompile(`open (http://127\.0\.0\.1:\d+/)`)

// TestServeRuns starts the server on a free port of 127.0.0.1 with a
// stand-in .wasm, reads the address it prints, loads the page and the
// app, and stops it.
func TestServeRuns(t *testing.T) {
	fake := filepath.Join(t.TempDir(), "app.wasm")
	wasm := append([]byte("\x00asm\x01\x00\x00\x00"), bytes.Repeat([]byte("x"), 1000)...)
	require.NoError(t, os.WriteFile(fake, wasm, 0o644))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- runServe(ctx, []string{"--addr", "127.0.0.1:0", "--wasm", fake, "--build-dir", t.TempDir()}, &stdout, &stderr)
	}()

	var url string
	deadline := time.Now().Add(30 * time.Second)
	for url == "" {
		if m := openLine.FindStringSubmatch(stdout.String()); m != nil {
			url = m[1]
			break
		}
		select {
		case err := <-done:
			t.Fatalf("serve stopped: %v\n%s", err, stderr.String())
		default:
		}
		require.True(t, time.Now().Before(deadline), "serve printed no address; stderr: %s", stderr.String())
		time.Sleep(20 * time.Millisecond)
	}

	res, err := http.Get(url)
	require.NoError(t, err)
	page, err := io.ReadAll(res.Body)
	res.Body.Close()
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, res.StatusCode)
	for _, want := range []string{"González", "67.08%", "Maduro", "30.46%", "Tables: 83.50% (25,073 of 30,026)", `property="og:image" content="preview.png?v=`} {
		assert.Contains(t, string(page), want)
	}

	req, err := http.NewRequest(http.MethodGet, url+"tallyscope.wasm", nil)
	require.NoError(t, err)
	req.Header.Set("Accept-Encoding", "gzip")
	res, err = http.DefaultTransport.RoundTrip(req)
	require.NoError(t, err)
	res.Body.Close()
	assert.Equal(t, "gzip", res.Header.Get("Content-Encoding"))
	assert.Equal(t, "application/wasm", res.Header.Get("Content-Type"))

	// A page that reaches the server under another name (DNS rebinding)
	// is turned away.
	req, err = http.NewRequest(http.MethodGet, url, nil)
	require.NoError(t, err)
	req.Host = "rebind.example" + strings.TrimPrefix(strings.TrimSuffix(url, "/"), "http://127.0.0.1")
	res, err = http.DefaultTransport.RoundTrip(req)
	require.NoError(t, err)
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	assert.Equal(t, http.StatusMisdirectedRequest, res.StatusCode)
	assert.Contains(t, string(body), "answers only at "+url)

	cancel()
	select {
	case err := <-done:
		assert.NoError(t, err)
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop")
	}
}

// TestServeTimeouts checks that the server bounds how long a client can
// hold a connection: reading the headers, idling, and receiving a
// response (long enough for the 14 MB app on a slow line).
func TestServeTimeouts(t *testing.T) {
	srv := newHTTPServer(http.NotFoundHandler())
	assert.Equal(t, 10*time.Second, srv.ReadHeaderTimeout)
	assert.Positive(t, srv.IdleTimeout)
	assert.LessOrEqual(t, srv.IdleTimeout, time.Minute)
	assert.GreaterOrEqual(t, srv.WriteTimeout, 2*time.Minute, "room for a slow download of the app")
	assert.LessOrEqual(t, srv.WriteTimeout, 5*time.Minute)
	assert.Equal(t, 64<<10, srv.MaxHeaderBytes)
}

func TestServePortInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer ln.Close()
	fake := filepath.Join(t.TempDir(), "app.wasm")
	require.NoError(t, os.WriteFile(fake, []byte("\x00asm"), 0o644))
	_, errOut, code := runCLI(t, "serve", "--wasm", fake, "--build-dir", t.TempDir(), "--addr", ln.Addr().String())
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "address already in use")
	assert.Contains(t, errOut, "--addr 127.0.0.1:0")
}

func TestBrowseURL(t *testing.T) {
	tests := []struct {
		addr net.Addr
		want string
	}{
		{&net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8080}, "http://127.0.0.1:8080/"},
		{&net.TCPAddr{IP: net.IPv4zero, Port: 80}, "http://localhost:80/"},
		{&net.TCPAddr{IP: net.IPv6unspecified, Port: 9000}, "http://localhost:9000/"},
		{&net.TCPAddr{IP: net.IPv6loopback, Port: 9000}, "http://[::1]:9000/"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, browseURL(tc.addr), tc.addr.String())
	}
}
