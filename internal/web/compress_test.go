package web_test

import (
	"bytes"
	"context"
	"io"
	"testing"

	"github.com/andybalholm/brotli"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/internal/web"
)

func TestBrotliWindow(t *testing.T) {
	tests := []struct{ n, want int }{
		{0, 16}, {14_000, 16}, {65_536, 17}, {500_000, 19}, {14 << 20, 24}, {1 << 30, 24},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, web.BrotliWindow(tc.n), "%d bytes", tc.n)
	}
}

// TestEncodeRoundTrip compresses inputs around the window sizes with
// brotli and decodes them back.
func TestEncodeRoundTrip(t *testing.T) {
	for _, n := range []int{0, 100, 70_000, 300_000} {
		raw := make([]byte, n)
		for i := range raw {
			raw[i] = byte(i*7 + i/300)
		}
		c, err := web.Encode(context.Background(), raw, web.Brotli)
		require.NoError(t, err)
		got, err := io.ReadAll(brotli.NewReader(bytes.NewReader(c)))
		require.NoError(t, err, "%d bytes", n)
		assert.True(t, bytes.Equal(raw, got), "%d bytes decode back", n)
	}
}
