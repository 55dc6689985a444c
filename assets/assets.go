// Package assets holds the files embedded in Tallyscope's programs.
//
// Default is the data the visualizer and the command line's --default
// open: Venezuela's presidential election of 28 July 2024, every one of
// the opposition's 25,073 counted tally sheets (file V2) with its table,
// centre, parish, municipality and state, its votes and the link to its
// scanned sheet, with registered voters joined from file V1 where a table
// has them (24,530 tables), the national expectations (30,026 tables,
// 21,392,464 registered voters) and the CNE's two bulletins as claims. It
// is in the binary form of package sim/tallybin; tallybin.Decode reads it.
//
// Default is generated from the real files by internal/gendefault, run
// with go generate (see DefaultCommand); default_gen.go, written with it,
// states its size and sha256 and those of its sources, and a test checks
// that regenerating it gives the same bytes. The same step writes the map
// of the default data (VenezuelaStates) from ../shared/geo.
package assets

import _ "embed"

//go:generate go run ../internal/gendefault -data ../../shared/data -out .

// Default is the embedded default tally (package sim/tallybin's form).
//
//go:embed venezuela-2024-tables.tlyb
var Default []byte

// DefaultCommand regenerates Default and default_gen.go from ../shared/data.
const DefaultCommand = "go generate ./assets"

// Source is one file Default is made from.
type Source struct {
	// Path is the file's path under ../shared/data.
	Path   string
	Size   int
	SHA256 string
}
