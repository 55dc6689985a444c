package web_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/assets"
	"github.com/tallyscope/tallyscope/internal/web"
)

// TestServeEmbedScript checks that the site serves embed.js, the script an
// article loads beside its iframes, as JavaScript in every coding.
func TestServeEmbedScript(t *testing.T) {
	s := testSite(t, web.Options{})
	for _, accept := range []string{"br", "gzip", ""} {
		res := get(t, s, http.MethodGet, web.EmbedPath, map[string]string{"Accept-Encoding": accept})
		require.Equal(t, http.StatusOK, res.StatusCode, "Accept-Encoding %q", accept)
		assert.Equal(t, "text/javascript; charset=utf-8", res.Header.Get("Content-Type"), "Accept-Encoding %q", accept)
		assert.Equal(t, assets.EmbedJS, decode(t, res), "Accept-Encoding %q", accept)
	}
}
