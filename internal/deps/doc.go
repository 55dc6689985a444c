// Package deps holds no code: its test enforces the import directions of
// the house style, written as data in rules below, by asking the go command
// for every package's imports (natively and for the browser build).
package deps
