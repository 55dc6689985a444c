// Command gendefault makes the default data embedded in Tallyscope's
// programs (package assets) from the real files in ../shared/data: every
// table of the Venezuelan opposition's file V2, with registered voters
// joined from file V1 where a table has them, loaded as the command line
// loads them (tallyscope … --join-registered V1 V2) and written in the
// binary form of package tallybin; and the map of Venezuela's states from
// ../shared/geo, simplified to about 3,000 points in screen coordinates
// (geo.go). It also writes default_gen.go, which states the assets' sizes
// and sha256 and those of their sources.
//
// Run it through go generate in assets:
//
//	go generate ./assets
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	data := flag.String("data", filepath.Join("..", "..", "shared", "data"), "the shared data `DIR`")
	out := flag.String("out", ".", "write the asset and default_gen.go into `DIR`")
	flag.Parse()
	files, err := build(*data)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gendefault:", err)
		os.Exit(1)
	}
	for _, f := range files {
		p := filepath.Join(*out, filepath.FromSlash(f.name))
		if err := os.WriteFile(p, f.data, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "gendefault:", err)
			os.Exit(1)
		}
		fmt.Printf("wrote %s (%d bytes)\n", p, len(f.data))
	}
}
