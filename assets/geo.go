package assets

import _ "embed"

// VenezuelaStates is the map of the default data: Venezuela's 23 states,
// the Capital District and the Federal Dependencies from geoBoundaries,
// simplified to about 3,000 points and written in screen coordinates
// (geo.WriteScreen), each feature's id its ISO 3166-2 code (VE-V for
// Zulia: geo.VenezuelaISO joins the acta state codes to it). Wherever it
// is drawn it shows VenezuelaStatesAttribution. It is generated with
// Default (DefaultCommand); default_gen.go states its size and sha256.
//
//go:embed venezuela-states.geojson
var VenezuelaStates []byte
