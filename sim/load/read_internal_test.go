package load

import (
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// endless is a stream that never ends, like /dev/zero.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = '0'
	}
	return len(p), nil
}

// TestReadStopsAtTheBound: a stream with no end is refused once it passes
// the bound (MaxInputBytes, lowered here to 1 MiB), with an error naming
// the input, never with unbounded memory.
func TestReadStopsAtTheBound(t *testing.T) {
	defer func(m int64) { maxInput = m }(maxInput)
	maxInput = 1 << 20
	_, _, err := Read(endless{}, Options{Name: "zero"})
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrFormat)
	assert.Contains(t, err.Error(), "zero")
	assert.Contains(t, err.Error(), "larger than")
}

func TestReadMappingBound(t *testing.T) {
	_, err := ReadMapping(io.LimitReader(endless{}, 2<<20), "huge.json")
	assert.ErrorIs(t, err, ErrMapping)
	assert.Contains(t, err.Error(), "huge.json")
}

// TestMappingWidthBounds: a pad or slice of absurd width is refused with
// a sentence (it once panicked in makeslice, or allocated gigabytes).
func TestMappingWidthBounds(t *testing.T) {
	for _, js := range []string{
		`{"levels":[{"column":"d","pad":9223372036854775807}],"unit":"s","candidates":["a"]}`,
		`{"levels":["d"],"unit":"s","unit_pad":2000000000,"candidates":["a"]}`,
		`{"levels":["d"],"unit":"s","unit_pad":-1,"candidates":["a"]}`,
		`{"levels":[{"column":"d","slice":[0,9223372036854775807]}],"unit":"s","candidates":["a"]}`,
		`{"levels":["d"],"unit":"s","unit_slice":[0,100000],"candidates":["a"]}`,
	} {
		_, err := ReadMapping(strings.NewReader(js), "m.json")
		assert.ErrorIs(t, err, ErrMapping, js)
		if err != nil {
			assert.Contains(t, err.Error(), "m.json", js)
		}
	}
}
