// Package choropleth colours a tally's areas on a map: the numbers behind
// a map or a cartogram, with no drawing, so that the static charts
// (internal/chart) and the app's map view share one colouring.
//
// A Geometry is boundaries (package geo) joined to the areas of a level,
// projected and simplified once: plane rings per feature, ready to fill.
// Compute turns a tally, and optionally a scenario, into a Data: per
// matched area its leader, margin and the Value its Mode colours, the
// colour itself, and the class Scale (palette.Scale) whose breaks a legend
// shows. Recolouring after a scenario change is one Compute on the same
// Geometry.
//
// The modes: Leader (the leader's colour, darker as its lead over the
// runner-up grows), Margin (A over B on a diverging scale), Coverage
// (counted units over the expected, where expected is known), Turnout
// (cast votes over registered voters, where known) and Shift (the
// scenario's projected margin less the counted one). Candidate colours
// come from the mapping ("color") or the colour-blind-safe palette.
//
// Package choropleth imports no Ebitengine and no gonum/plot: it builds
// for the browser.
package choropleth
