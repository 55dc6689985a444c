// Package i18n holds every string the visualizer shows, in English and
// Spanish, and formats numbers the way each language writes them:
// 7,303,480 and 67.08% in English, 7.303.480 and 67,08 % in Spanish.
//
// A Lang is chosen from a language tag (the lang= URL parameter, the
// browser's language or the desktop's --lang flag) with Parse. Strings are
// looked up by Key; a test checks that every key has both translations and
// that the format verbs match between them.
//
// Package i18n is pure Go with no dependency beyond the standard library
// (golang.org/x/text would double the browser download), so it builds for
// WebAssembly and tests without a display.
package i18n
