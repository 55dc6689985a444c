// Package view places everything the visualizer shows, in pure Go: it
// runs and tests without a display.
//
// Sizes are given in device pixels together with the device scale factor
// (2 on most phones, 1 on a plain monitor); Metrics turns the design sizes,
// written in CSS pixels (dp), into device pixels so that text stays crisp on
// high-DPI screens. A narrow screen (under Breakpoint dp wide, such as a
// phone held upright at 360×640) stacks the scenario controls as their own
// tab; a wide one keeps them beside the current view.
//
// The package measures text with the same Go fonts the Ebitengine front end
// draws with (Fonts), so the tests can check that no two labels overlap and
// that nothing leaves the screen at 360×640 and at 1920×1080.
package view
