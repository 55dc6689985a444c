// Package sim is Tallyscope's pure core: the tally model and its aggregation.
//
// The vocabulary:
//
//   - A tally is a set of units: the smallest pieces of an election whose
//     results are reported (polling tables, precincts, counties,
//     constituencies).
//   - Each unit sits in a geographic hierarchy whose level names come from the
//     data (state > municipality > parish > centre for Venezuela; state for
//     US counties). A region is one area at one level.
//   - Votes are integers (int64) and are never rounded. A share is a fraction
//     in [0,1] of a stated denominator (valid votes, or all votes cast); a
//     margin in points says so in its name (MarginPP).
//   - Registered voters, null votes and blank votes may be unknown. Unknown is
//     stored as the constant Unknown (-1), never as zero.
//   - Coverage compares what the data holds with what is expected: units,
//     registered voters and votes side by side, so that a result computed on
//     83.5% of the tally sheets says so.
//   - Counts have ceilings (MaxUnitVotes, a trillion per unit; MaxRegionVotes,
//     a quadrillion for any region at any level and the whole tally;
//     MaxUnits units), so that no sum can overflow and turn negative.
//     Validate refuses a tally beyond them, and Aggregation.Err reports one.
//   - A claim is a set of totals announced by someone (an electoral council's
//     bulletin, a campaign), kept beside the counted data for comparison.
//
// Package sim imports no graphics, no plotting and no browser code; the
// visualizer and the chart writer build on it, never the other way round.
package sim
