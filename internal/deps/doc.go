// Package deps holds no code: its tests enforce the import directions of
// the house style, written as data in rules below, by asking the go command
// for every package's imports (natively and for the browser build), and
// the size limits of files and functions (size_test.go).
package deps
