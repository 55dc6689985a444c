package load

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
)

// The layouts Read recognises are mappings like any user's, embedded from
// mappings/*.json; each names the header columns that recognise it in its
// "signature".
//
//go:embed mappings/*.json
var builtinFiles embed.FS

// Builtin is one of the mappings Read recognises without being told.
type Builtin struct {
	// Name is the file's name without ".json" ("us-county-president").
	Name string
	// Mapping is the parsed mapping; each call to Builtins parses it
	// afresh, so that a caller may change it.
	Mapping *Mapping
}

// Builtins returns the built-in mappings, sorted by name.
func Builtins() []Builtin {
	names, err := fs.Glob(builtinFiles, "mappings/*.json")
	if err != nil {
		panic(err) // the pattern is constant and valid
	}
	slices.Sort(names)
	out := make([]Builtin, 0, len(names))
	for _, n := range names {
		b, err := builtinFiles.ReadFile(n)
		if err != nil {
			panic(err) // embedded: it is there
		}
		name := strings.TrimSuffix(path.Base(n), ".json")
		m, err := ReadMapping(bytes.NewReader(b), path.Base(n))
		if err != nil {
			// A test reads every built-in mapping; this cannot happen in
			// a binary whose tests passed.
			panic(fmt.Sprintf("load: built-in mapping %s: %v", name, err))
		}
		out = append(out, Builtin{Name: name, Mapping: m})
	}
	return out
}

// BuiltinJSON returns the JSON text of the built-in mapping name, as a
// starting point for a mapping of one's own, and whether there is one.
func BuiltinJSON(name string) ([]byte, bool) {
	b, err := builtinFiles.ReadFile("mappings/" + name + ".json")
	return b, err == nil
}

// recognise returns the built-in mapping whose signature the header
// columns hold, preferring the one that names the most columns (V1's
// signature is V2's and "RE"), or nil.
func recognise(cols []string) *Mapping {
	var best *Mapping
	for _, b := range Builtins() {
		sig := b.Mapping.Signature
		if len(sig) == 0 || (best != nil && len(sig) <= len(best.Signature)) {
			continue
		}
		if !slices.ContainsFunc(sig, func(c string) bool { return !slices.Contains(cols, c) }) {
			best = b.Mapping
		}
	}
	return best
}
