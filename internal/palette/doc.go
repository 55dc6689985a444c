// Package palette holds Tallyscope's colours, shared by the interactive
// app (internal/ui) and the static charts (internal/chart), so that a
// candidate has the same colour on screen, in print and on a social card.
//
// The candidate colours are the Okabe–Ito set (Okabe and Ito, "Color
// Universal Design", 2002), which stays distinguishable for the common
// forms of colour blindness, reordered so that the first two candidates
// of a tally (González and Maduro for Venezuela 2024, the Democrat and the
// Republican for US counties) get blue and vermillion. Pale yellow is left
// out: it is unreadable as a line or as text on a white page. Beyond the
// seventh candidate the colours are greys, which suits the small
// candidates that a chart groups as "others".
//
// Package palette imports only the standard library: it builds for the
// browser (WebAssembly) and for the desktop alike.
package palette
