// Package synth generates seeded synthetic elections: a country with a
// chosen number of units (polling tables), registered voters, turnout and
// winner-share distributions, and optional ballot stuffing of the two kinds
// described by Klimek, Yegorov, Hanel and Thurner (PNAS 2012).
//
// The vocabulary:
//
//   - A fair unit draws its turnout and its winner's share from normal
//     distributions (clipped to [0,1]); its voters and its winner's votes are
//     then binomial draws, so the counts have realistic digits.
//   - Incremental fraud, in a fraction Config.Incremental of the units, moves
//     a fraction x of the non-voters (ballot stuffing) and the same fraction
//     x of the opposition's votes (miscounting) to the winner, with
//     x = |N(0, IncrementalSD)| capped at 1.
//   - Extreme fraud, in a fraction Config.Extreme of the units, does the same
//     with x = 1 − |N(0, ExtremeSD)|: nearly every registered voter "votes"
//     and nearly every vote goes to the winner, the cluster near (100%, 100%).
//
// The same seed and configuration give the same tally, byte for byte, on
// every platform: all draws come from one math/rand/v2 PCG source. The
// package is used by tests and by classroom demonstrations, so that a
// teacher can show what each pattern looks like next to a fair election.
package synth
