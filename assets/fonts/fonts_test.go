package fonts_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"

	"github.com/tallyscope/tallyscope/assets/fonts"
	"github.com/tallyscope/tallyscope/internal/ttfstrip"
)

// TestFresh checks that the committed fonts are what go generate writes
// from the Go fonts of the golang.org/x/image in go.mod.
func TestFresh(t *testing.T) {
	for name, c := range map[string]struct{ got, src []byte }{
		"Go-Regular.ttf": {fonts.Regular, goregular.TTF},
		"Go-Bold.ttf":    {fonts.Bold, gobold.TTF},
	} {
		want, err := ttfstrip.Strip(c.src)
		require.NoError(t, err)
		assert.True(t, bytes.Equal(want, c.got), "%s is stale: run go generate ./assets/fonts", name)
	}
}
