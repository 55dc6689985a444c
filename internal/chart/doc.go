// Package chart draws Tallyscope's static charts with gonum/plot, for
// print, social cards and the still image an article shows before (or
// instead of) the interactive app.
//
// The vocabulary is the one of package sim: a tally's units are counted
// tally sheets (or counties), a share is a fraction of the valid votes, a
// margin in points (pp) is the difference of two shares, coverage says how
// much of the expected data is in hand. A chart Kind names one picture:
//
//   - shares: each candidate's share as counted, beside what a claim (an
//     electoral council's bulletin) announced;
//   - regions: the margin in every region of one level, sorted, with the
//     number of counted units beside each bar;
//   - breakeven: the final margin as a function of the runner-up's share of
//     the votes in the missing units, with the break-even point and the
//     impossible zone;
//   - montecarlo: the distribution of the projected margin, with intervals;
//   - fingerprint: the turnout × winner-share heatmap of the units;
//   - digits: digit tests (last digit, second digit) against their law;
//   - swing: seats, or units won, as a function of a uniform swing;
//   - map and cartogram: the regions of a level (or the units, such as
//     US counties) drawn from boundaries (Options.Map, a
//     choropleth.Geometry), or as one tile each, coloured by a
//     choropleth.Mode: the leader with the margin as intensity, the margin on
//     a diverging scale, coverage, turnout, or the scenario's shift. The
//     legend shows the scale's breaks; the boundaries' credit sits under
//     the map and the join's misses in the subtitle.
//
// Builders (Shares, Regions, BreakEven, ...) take results computed by sim,
// sim/scenario and sim/forensics and return a *plot.Plot, or an error
// wrapping ErrNoData when there is nothing to draw. A plot's title holds
// the headline on its first line and the subtitle on the next ones. Write
// lays the plot out on a page of a given Size with the headline, a footer
// that names the data source, the data set's sha256, the scenario and the
// Tallyscope version, and writes it as PNG, SVG or PDF to an io.Writer:
// package chart never opens a file.
//
// Render computes and draws any kind from a tally and a scenario in one
// call, and returns beside the plot a Table with the numbers behind it, for
// CSV or JSON export, so that a reader can check every bar. RenderView does
// the same for the desktop app's "save this view", writing to the writers
// it is given.
//
// Package chart is the only package that imports gonum/plot. The browser
// build never imports it; the desktop app imports it from a file built
// only for native targets.
package chart
