// Package tallybin is a compact binary form of a sim.Tally, made for
// shipping every unit of an election inside a program (the browser's
// .wasm) where JSON or CSV would be several megabytes.
//
// The form is columnar: after a small JSON header (title, levels,
// candidates, expectations, claims) come the regions and then the units,
// one column per field (region, id, name, each candidate's votes, null,
// blank, count, registered voters, source). An integer column is written
// in whichever of a few modes costs fewer bits for its values: as they
// are, as the difference from the previous row, or as the difference from
// another column of the same row (registered voters from the votes cast;
// a number inside a string from the number before it), or the change of
// that difference from row to row. Its values are then laid out in byte
// planes: the lowest byte of every value, then the next byte of every
// value, as many as the largest needs. Strings such as unit ids and sheet
// links are split into a pattern ("{9}.{2}", "https://…/{6}_{6}_{4}Acta{4}.jpg")
// and the numbers in it; each pattern is stored once and its numbers in
// integer columns of their own. A unit id that starts with its region's
// key is stored without it. A general-purpose compressor (brotli, gzip)
// then does the rest.
//
// The layout, in order:
//
//	magic   "TLYB" and a version byte (1)
//	column  header: JSON (see header)
//	column  counts: regions, units
//	columns regions: level, parent distance, named flag, key, name
//	columns units: region, relative-id flag, id, name, votes of each
//	        candidate, null+1, blank+1, count, registered+1, source
//	crc32   of everything before it (IEEE, little endian)
//
// A column is a uvarint length and that many bytes. Decode checks the
// checksum, every length and every index, and validates the tally it
// builds, so a truncated or corrupted file is an error wrapping ErrCorrupt
// (or ErrFormat when it is not this form at all), never a panic and never
// a silently different tally.
package tallybin
