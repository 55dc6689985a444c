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
package load
