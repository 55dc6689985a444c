package web_test

import (
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/internal/web"
)

// TestPageCacheBounded asks for the page with many distinct data= values
// and checks that the cache keeps only the pages of the data the site
// summarizes, and that an unknown value gets a short "Loading" page.
func TestPageCacheBounded(t *testing.T) {
	s := testSite(t, web.Options{})
	for _, target := range []string{"/", "/?lang=es", "/?lang=en"} {
		res := get(t, s, http.MethodGet, target, map[string]string{"Accept-Encoding": "br"})
		require.Equal(t, http.StatusOK, res.StatusCode, target)
	}
	before := s.CachedPages()
	assert.Equal(t, 2, before, "one page per language for the default data")

	long := strings.Repeat("é", 2000) // 4000 bytes, 8 KB once escaped
	for i := range 50 {
		target := "/?data=" + long[:len(long)-2*i] + strings.Repeat("x", i)
		res := get(t, s, http.MethodGet, target, map[string]string{"Accept-Encoding": "gzip, br"})
		require.Equal(t, http.StatusOK, res.StatusCode, "request %d", i)
		if i == 0 {
			page := string(decode(t, res))
			assert.Equal(t, "gzip", res.Header.Get("Content-Encoding"), "an unknown data= page is not brotli-compressed per request")
			assert.Contains(t, page, "Loading "+strings.Repeat("é", 100)+"…", "the name is cut on a rune boundary")
			assert.NotContains(t, page, strings.Repeat("é", 101))
		}
	}
	res := get(t, s, http.MethodGet, "/?data="+strings.Repeat("x", web.MaxQuery), nil)
	assert.Equal(t, http.StatusRequestURITooLong, res.StatusCode)
	assert.Equal(t, before, s.CachedPages(), "distinct data= values add nothing to the cache")
}

// TestPageRenderedOnce has many requests for the same page arrive at
// once: they share one rendering.
func TestPageRenderedOnce(t *testing.T) {
	s := testSite(t, web.Options{})
	var wg sync.WaitGroup
	bodies := make([]string, 32)
	for i := range bodies {
		wg.Go(func() {
			bodies[i] = string(decode(t, get(t, s, http.MethodGet, "/?lang=es", map[string]string{"Accept-Encoding": "br"})))
		})
	}
	wg.Wait()
	assert.Equal(t, 1, s.CachedPages())
	for i := range bodies {
		assert.Equal(t, bodies[0], bodies[i], "request %d", i)
	}
}

func TestCheckHost(t *testing.T) {
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	v4 := &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8080}
	v6 := &net.TCPAddr{IP: net.IPv6loopback, Port: 9000}
	any4 := &net.TCPAddr{IP: net.IPv4zero, Port: 8080}
	lan := &net.TCPAddr{IP: net.IPv4(192, 168, 1, 5), Port: 8080}
	port80 := &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 80}
	tests := []struct {
		bound net.Addr
		host  string
		want  int
	}{
		{v4, "127.0.0.1:8080", http.StatusNoContent},
		{v4, "localhost:8080", http.StatusNoContent},
		{v4, "LOCALHOST:8080", http.StatusNoContent},
		{v4, "[::1]:8080", http.StatusNoContent},
		{v4, "evil.example:8080", http.StatusMisdirectedRequest},
		{v4, "localhost:9090", http.StatusMisdirectedRequest},
		{v4, "localhost", http.StatusMisdirectedRequest},
		{v4, "127.0.0.1.nip.io:8080", http.StatusMisdirectedRequest},
		{v4, "", http.StatusMisdirectedRequest},
		{v6, "[::1]:9000", http.StatusNoContent},
		{v6, "localhost:9000", http.StatusNoContent},
		{v6, "evil.example:9000", http.StatusMisdirectedRequest},
		{port80, "localhost", http.StatusNoContent},
		{port80, "127.0.0.1:80", http.StatusNoContent},
		{any4, "evil.example:8080", http.StatusNoContent},
		{any4, "192.168.1.5:8080", http.StatusNoContent},
		{lan, "my-laptop.local:8080", http.StatusNoContent},
	}
	for _, tc := range tests {
		t.Run(tc.bound.String()+" "+tc.host, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodGet, "/", nil)
			req.Host = tc.host
			rec := httptest.NewRecorder()
			web.CheckHost(ok, tc.bound).ServeHTTP(rec, req)
			assert.Equal(t, tc.want, rec.Code, "bound %s, Host %q", tc.bound, tc.host)
			if tc.want == http.StatusMisdirectedRequest {
				assert.Contains(t, rec.Body.String(), "answers only at http://")
				assert.Contains(t, rec.Body.String(), "--addr 0.0.0.0:")
			}
		})
	}
}
