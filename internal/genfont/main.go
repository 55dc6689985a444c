// Command genfont writes the app's fonts into assets/fonts: the Go fonts
// of golang.org/x/image without their hinting programs (package ttfstrip),
// which the app's rasterizer never runs. It is run by go generate in
// assets/fonts.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"

	"github.com/tallyscope/tallyscope/internal/ttfstrip"
)

func main() {
	dir := "."
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	for name, ttf := range map[string][]byte{"Go-Regular.ttf": goregular.TTF, "Go-Bold.ttf": gobold.TTF} {
		b, err := ttfstrip.Strip(ttf)
		if err == nil {
			err = os.WriteFile(filepath.Join(dir, name), b, 0o644)
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "genfont: %s: %v\n", name, err)
			os.Exit(1)
		}
		fmt.Printf("genfont: %s: %d bytes (%d before)\n", name, len(b), len(ttf))
	}
}
