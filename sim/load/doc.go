// Package load reads tallies into the model of package sim.
//
// Every CSV loads through a Mapping: a small JSON file that names the
// columns holding the hierarchy, the unit, the candidates and the optional
// counts, and may add what the file does not say (a title, where the data
// comes from, display names for region codes, what is expected nationally,
// announced totals to compare). The layouts Tallyscope knows are built-in
// mappings (Builtins, embedded from mappings/*.json): the Venezuelan
// opposition's acta exports (V1 with registered voters, V2 without, and the
// QR-decoded file) and the US county results. Read recognises one by its
// signature, header columns it must hold, and loads it exactly as it would
// load a user's mapping; there is no code for any one format. Read also
// takes Tallyscope's own JSON form. Whatever the loader guesses (encoding,
// delimiter, layout, thousands separators) it says in the Report.
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
