//go:build !js

package ui

import (
	"os"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
)

// runner runs the tests inside the game loop: images can be drawn and
// read back only while Ebitengine runs. Run with xvfb-run -a go test.
type runner struct {
	m    *testing.M
	code int
}

func (r *runner) Update() error {
	r.code = r.m.Run()
	return ebiten.Termination
}

func (r *runner) Draw(*ebiten.Image) {}

func (r *runner) Layout(int, int) (int, int) { return 64, 64 }

func TestMain(m *testing.M) {
	quiet = true
	ebiten.SetWindowSize(64, 64)
	r := &runner{m: m}
	if err := ebiten.RunGame(r); err != nil {
		panic(err)
	}
	os.Exit(r.code)
}
