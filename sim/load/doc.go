// Package load reads tallies into the model of package sim.
//
// Read detects what it is given: the Venezuelan opposition's acta exports
// (V1 with registered voters, V2 without, and the QR-decoded file), the US
// county results, or Tallyscope's own JSON form. Any other CSV loads through
// a Mapping: a small JSON file that names the columns holding the hierarchy,
// the unit, the candidates and the optional counts. Whatever the loader
// guesses (encoding, delimiter, format, thousands separators) it says in the
// Report.
//
// Every row is validated. A problem names the file, the line and the column.
// Loading is strict by default (the first problem is the error); with
// Options.Lenient, bad rows are skipped and listed in Report.Skipped. No row
// is ever dropped without being listed.
//
// No bad input gives a wrong number without a problem:
//
//   - Separators are read from the whole column. When the mapping declares
//     neither "thousands" nor "decimal", a value such as "2.000" reads as 2
//     or as 2000; it loads only if another value in its column shows '.' is
//     a decimal point ("13045.0", "1234.000"), and otherwise the load fails
//     with ErrAmbiguous, naming the lines, even in lenient mode.
//   - Counts stay under the ceilings of package sim: a row with a count or
//     votes cast above sim.MaxUnitVotes is a bad row, and a row that takes
//     the file's votes cast or registered voters above sim.MaxRegionVotes
//     (which bounds every region in it) stops the load.
//   - A unit key that appears twice in one region is a bad row. Units of one
//     region that share a vote vector more often than chance explains (see
//     repeatedVotes for the rule) fail with ErrRepeated; lenient, all of them
//     are skipped and listed. The JSON form also refuses duplicate unit ids
//     and duplicate regions.
//   - A mapping may not count one column twice (two candidates, or a
//     candidate and null votes).
//   - Join checks joined registered voters against the votes cast, and lists
//     the join file's bad rows with the others.
package load
