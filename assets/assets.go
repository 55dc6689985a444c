// Package assets holds the files embedded in Tallyscope's programs.
//
// Default is the data the visualizer opens on: Venezuela's presidential
// election of 28 July 2024, the opposition's 25,073 counted tally sheets
// (file V2) summed per state, with registered voters joined from file V1
// where a table has them, the national expectations (30,026 tables,
// 21,392,464 registered voters) and the CNE's two bulletins as claims. It
// is Tallyscope JSON, read with load.Read. It is made from the real files
// by the command in DefaultCommand, and a test checks that it still is.
package assets

import _ "embed"

// Default is the embedded default tally (Tallyscope JSON).
//
//go:embed venezuela-2024-states.json
var Default []byte

// DefaultName is the file name of Default, for messages.
const DefaultName = "venezuela-2024-states.json"

// DefaultCommand regenerates Default from ../shared/data.
const DefaultCommand = "go run ./cmd/tallyscope convert --level state --join-registered ../shared/data/venezuela-2024/RESULTADOS_2024_CSV_V1.csv --out assets/venezuela-2024-states.json ../shared/data/venezuela-2024/RESULTADOS_2024_CSV_V2.csv"
