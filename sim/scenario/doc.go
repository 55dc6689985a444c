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
//     A split taken from the leader (Split.From) is the same rule as a
//     scenario: at Share = Needed the runner-up ties. The app's split
//     slider is that split, so its mark and "tallyscope breakeven" agree.
//   - The Monte Carlo margins are binned once, by NewHistogram (zero is a
//     bin edge when they cross it), for the app and the charts alike.
//   - A Scenario is a plain value: it serialises to JSON and to a compact
//     URL-safe string, records the data set's sha256 (sim.Tally.Digest) and
//     the engine version, and its zero value is the baseline (the counted
//     units only, unchanged).
//
// The definitions reproduce the published Venezuelan figures (the tests
// check them on the real files):
//
//   - worst case, V1, 21,392,464 registered voters: 21,392,464 − 17,745,239
//     = 3,647,225 missing registered voters, all for Maduro, leave González
//     7,156,462 − (3,241,461 + 3,647,225) = 267,776 votes ahead;
//   - break-even, V1 against the CNE's second-bulletin valid total:
//     12,335,884 − 10,659,128 = 1,676,756 remaining votes; with a margin of
//     3,915,001 and others at 2.45%, Maduro needs 165.5%: impossible;
//   - break-even of the CNE's first bulletin on its own (RemainingUnits with
//     Reported 0.8): 10,058,774/0.8 − 10,058,774 = 2,514,694 remaining
//     votes (rounded); with a margin of 704,114 and others at 4.60%,
//     González needed 61.70%: the trend was not irreversible;
//   - the second bulletin against V2 (MissingClaim): González would need
//     5,326,104 − 7,303,480 = −1,977,376 votes in the missing tables.
//
// An Engine is built once per tally (New) and holds everything that does
// not depend on the scenario; Engine.Run and Engine.Apply then cost one pass
// over the units. MonteCarlo runs in steps (MonteCarlo.Step), so that a user
// interface can fill in the distribution without freezing; the results
// depend only on the seed and the number of runs, not on the step sizes.
//
// The projection (ModelCalibrated, the default) predicts each missing unit
// from what is known: without a baseline, from the counted units (its
// two-party margin and turnout, by region at every level and by size; its
// margin and volume by region when no registered voters are known); with a
// baseline election joined by key (Inputs.Baseline, the CLI's --baseline),
// from its own past (the change in its two-party margin and its turnout
// factor, by region, size and baseline lean). Every run resamples the
// errors from the counted units' held-out residuals, with a shock shared
// by each region at the shock level, so that both the shares and the
// volume of every missing unit vary; MonteCarloResult.Model says this in
// one sentence. Engine.Backtest (the CLI's tallyscope backtest) hides
// counted units by a design (random, whole regions, largest or smallest
// first), predicts them and reports how often the nominal intervals held
// the truth; ModelLegacy keeps the engine before calibration for
// comparison. A winning probability is stated with
// MonteCarloResult.Statement, never as 100%: "in all 2,000 runs", "more
// than 99.9%", or a share with its Monte Carlo standard error (WinSE);
// before MinRuns runs nothing is stated.
//
// Every vote count in an Outcome is an integer, and counted + imputed =
// total holds exactly. The remaining votes are placed in regions and split
// between candidates by the largest-remainder rule (ties to the earlier
// region or candidate); a counted unit changed by a swing or a turnout
// change is rounded by cumulative rounding, which keeps its valid votes and
// needs no sorting.
package scenario
