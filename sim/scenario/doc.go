// Package scenario answers what-if questions about a tally: what the
// missing tally sheets would have to contain, how a swing or a turnout
// change moves the result, what share of the remaining votes the runner-up
// needs (the break-even), how many seats change hands, and how uncertain a
// projection is (Monte Carlo). It is pure Go and deterministic: the same
// tally and the same Scenario give the same Outcome, bit for bit, on every
// platform, WebAssembly included.
//
// The vocabulary:
//
//   - The counted units are the units in the tally. The missing units are
//     the ones that an Expectation says exist but that are not in the data
//     (30,026 tables expected, 24,532 counted: 5,494 missing).
//   - The remaining votes are the valid votes assumed to sit in the missing
//     units. They can be estimated four ways (see Remaining): an official
//     total minus the counted votes, the counted turnout applied to the
//     missing registered voters, 100% turnout of the missing registered
//     voters, or the counted votes per unit applied to the missing units.
//     Every Outcome names the estimate it used.
//   - A missing-unit rule (see Missing) decides how the remaining votes
//     split: like the region around them (hierarchical imputation), a fixed
//     split, the worst case for the leader (100% turnout, everything to the
//     runner-up), or whatever a claimed total implies (the difference between
//     the claim and the counted votes, flagged when it is impossible).
//   - A swing moves points of the valid vote between candidates in every
//     counted unit (uniform: the same points everywhere, clamped at 0 and
//     100%; proportional: the same relative change everywhere). A turnout
//     change adds points of turnout or multiplies the votes, never above a
//     unit's registered voters.
//   - The break-even is the share of the remaining votes the runner-up
//     needs to tie, assuming the other candidates keep their counted share
//     of the remaining votes: needed = (margin/remaining + 1 − others)/2.
//     It is impossible above 100% − others; the result is locked when the
//     leader's margin exceeds the remaining votes (no split can change it).
//   - A Scenario is a plain value: it serialises to JSON and to a compact
//     URL-safe string, records the data set's sha256 (sim.Tally.Digest) and
//     the engine version, and its zero value is the baseline (the counted
//     units only, unchanged).
//
// An Engine is built once per tally (New) and holds everything that does
// not depend on the scenario; Engine.Run and Engine.Apply then cost one pass
// over the units. MonteCarlo runs in steps (MonteCarlo.Step), so that a user
// interface can fill in the distribution without freezing; the results
// depend only on the seed and the number of runs, not on the step sizes.
//
// Every vote count in an Outcome is an integer, and counted + imputed =
// total holds exactly. The remaining votes are placed in regions and split
// between candidates by the largest-remainder rule (ties to the earlier
// region or candidate); a counted unit changed by a swing or a turnout
// change is rounded by cumulative rounding, which keeps its valid votes and
// needs no sorting.
package scenario
