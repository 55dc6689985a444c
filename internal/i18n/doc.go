// Package i18n is the one home of the program's words: every string the
// visualizer, the static charts, the page and the command line show, and
// the wording of the core's codes, in English and Spanish. It formats
// numbers the way each language writes them (7,303,480 and 67.08% in
// English, 7.303.480 and 67,08 % in Spanish) and names a tally's units
// and levels with one pluraliser (Units: "1 table", "3 counties",
// "2 circunscripciones").
//
// A Lang is chosen from a language tag (the lang= URL parameter, the
// browser's language, the desktop's and the command line's --lang) with
// Parse. Strings are looked up by Key (T, Tf, TU); the core's notes and
// errors (sim.Note, sim.Error) are worded by Note and Error, with their
// typed arguments formatted per language. TestEveryStringSpeaksBoth
// renders every key and code in both languages and fails when one lacks
// a language, leaves a verb or placeholder unfilled, or lets an English
// word into Spanish.
//
// Package i18n imports only the core's sim package. It formats numbers
// itself (Int, Float, Percent): the two languages need only a thousands
// separator, a decimal separator and a space before %, which
// golang.org/x/text/message would bring with its CLDR tables.
package i18n
