// Package app is the visualizer's model: the loaded data, the scenario the
// user is exploring, what is on screen, and the actions that change them.
// It is pure Go (no Ebitengine, no browser), so the actions are tested
// without a display.
//
// The vocabulary follows package sim: a tally of units (tables), counted
// units against the expected ones (coverage), shares of valid votes and
// margins in votes and in percentage points (pp). A scenario says how the
// missing units vote (package scenario); its zero value is the baseline,
// the counted units alone.
//
// The root (State) owns everything. Input never changes it directly: the
// front end turns keys, clicks and taps into Action values and calls
// State.Apply, which marks what must be recomputed; State.Update then
// recomputes only what an action invalidated (the scenario's outcome, the
// Monte Carlo runs) and the front end redraws only when State.Version
// changed. Side effects that need the platform (opening a link, copying to
// the clipboard, writing the URL fragment) are queued as Effect values.
package app
