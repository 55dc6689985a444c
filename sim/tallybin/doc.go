// Package tallybin is a compact binary form of a sim.Tally, made for
// shipping every unit of an election inside a program (the browser's
// .wasm) where JSON or CSV would be several megabytes.
//
// The form is columnar: after a small JSON header (title, levels,
// candidates, expectations, claims) come the regions and then the units,
// one column per field (region, id, registered voters, each candidate's
// votes, null, blank, count, name, source). Every integer column is written
// as varints in whichever of three modes costs fewer bits for its values:
// raw, the difference from the previous row, or (for numbers inside
// strings) the difference from the previous number of the same row. Strings
// such as unit ids and sheet links are split into a pattern ("{9}.{2}",
// "https://…/{6}_{6}_{4}Acta{4}.jpg") and the numbers in it; each pattern is
// stored once and its numbers in columns of their own. A general-purpose
// compressor (brotli, gzip) then does the rest.
//
// The layout, in order:
//
//	magic   "TLYB" and a version byte (1)
//	column  header: JSON (see header)
//	column  counts: regions, units
//	columns regions: level, parent distance, named flag, key, name
//	columns units: region, id, name, registered+1, null+1, blank+1,
//	        count, votes of each candidate, source
//	crc32   of everything before it (IEEE, little endian)
//
// A column is a uvarint length and that many bytes. Decode checks the
// checksum, every length and every index, and validates the tally it
// builds, so a truncated or corrupted file is an error wrapping ErrCorrupt
// (or ErrFormat when it is not this form at all), never a panic and never
// a silently different tally.
package tallybin
