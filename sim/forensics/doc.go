// Package forensics runs statistical checks on a tally that newsrooms use
// to ask whether published figures or tally sheets look manufactured, and
// states each answer with its limits.
//
// The checks:
//
//   - Roundness: are announced vote counts exactly a round percentage of
//     their total, and how likely is that if the counts had been counted?
//   - Fingerprint: the two-dimensional histogram of units by turnout and by
//     a candidate's share (Klimek, Yegorov, Hanel and Thurner, PNAS 2012),
//     its mode and its mass near (100%, 100%); KlimekFit fits that paper's
//     fraud model to the share histogram.
//   - Digit tests: the second-digit Benford test (Mebane) and last-digit
//     tests (Beber and Scacco), with chi-square statistics and bootstrap
//     intervals, each also against a binomial null that keeps the counts'
//     real size and shape (honest table-level counts fail Benford's law and
//     can fail uniform last digits; they pass this null).
//   - Integer-percentage spikes (Kobak, Shpilkin and Pshenichnikov, 2016)
//     against a Monte Carlo binomial null.
//   - Turnout–share relationship: correlation and the Sobyanin–Sukhovolsky
//     slope, nationally and by region.
//
// The vocabulary:
//
//   - A null is the model of honest counting a statistic is measured
//     against. Every result says what its null is.
//   - A likelihood or p-value is the chance of a pattern at least as extreme
//     under the null. It is never the probability that fraud happened, and
//     no result of this package is proof of fraud or of its absence; each
//     result carries a Caveat written to be quoted.
//   - Synthetic elections from package synth, with known amounts of ballot
//     stuffing, calibrate the checks: the tests show that honest synthetic
//     counts pass the binomial nulls and the spike null, and that the
//     fraud-model fit recovers the fractions put in.
//   - Units that stand for several reporting units (sim.Unit.Size() > 1) are
//     never mixed with single units; units with unknown registered voters
//     (sim.Unknown) are left out of every check that needs turnout. Each
//     result lists what it left out and why.
//
// All random draws come from math/rand/v2 PCG sources seeded from
// Options.Seed, so results are reproducible. Package forensics imports no
// graphics and no browser code.
package forensics
