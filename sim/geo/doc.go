// Package geo reads region boundaries, projects and simplifies them, and
// joins them to a tally's regions, for maps and cartograms.
//
// Its vocabulary, beside package sim's:
//
//   - a Layer is one file's boundaries: Features, each with an id and
//     properties (a name, an ISO or FIPS code), whose polygons are made of
//     arcs. A TopoJSON file shares one arc between the two regions it
//     separates; a GeoJSON ring is an arc of its own. Simplifying arcs,
//     not rings, keeps shared borders shared.
//   - a Projection turns longitude and latitude into plane coordinates:
//     AlbersUSA for the United States (Alaska and Hawaii moved below the
//     lower 48), a Conic fitted to the layer for anywhere else. A file that
//     is already projected (us-atlas's *-albers-10m.json) is read as
//     Screen coordinates, whose y grows downwards.
//   - a Shape is a feature's polygons as plain rings of plane points,
//     outer rings anticlockwise and holes clockwise, simplified to a
//     point budget: what a chart or the app fills.
//   - a join matches the tally's areas (regions of one level, or units)
//     to features by a key: the feature's id, one of its properties, or a
//     table from the tally's codes to the feature's (VenezuelaISO, from
//     the acta state codes to ISO 3166-2). Every join has a JoinReport:
//     areas with data but no shape, shapes with no data, and keys that
//     match but whose names disagree (Alaska's house districts numbered
//     like its boroughs).
//   - a Cartogram gives each area one equal tile on a grid, placed near
//     its shape's centroid without overlaps.
//
// Bad geometry (invalid JSON, unclosed rings, a missing key property, an
// unknown TopoJSON object) is an *Error naming the file and what is
// wrong; it wraps ErrGeometry.
//
// Package geo imports only the standard library and package sim: it
// draws nothing, and builds for the browser.
package geo
