package load

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
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
		name := strings.TrimSuffix(path.Base(n), ".json")
		out = append(out, Builtin{Name: name, Mapping: builtin(name)})
	}
	return out
}

// builtin parses the built-in mapping name.
func builtin(name string) *Mapping {
	b, ok := BuiltinJSON(name)
	if !ok {
		panic("load: no built-in mapping " + name)
	}
	m, err := ReadMapping(bytes.NewReader(b), name+".json")
	if err != nil {
		// A test reads every built-in mapping; this cannot happen in a
		// binary whose tests passed.
		panic(fmt.Sprintf("load: built-in mapping %s: %v", name, err))
	}
	return m
}

// signatures are the built-in mappings' names and signatures, read once.
var signatures = sync.OnceValue(func() []Builtin { return Builtins() })

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
	best := -1
	sigs := signatures()
	for i, b := range sigs {
		sig := b.Mapping.Signature
		if len(sig) == 0 || (best >= 0 && len(sig) <= len(sigs[best].Mapping.Signature)) {
			continue
		}
		if !slices.ContainsFunc(sig, func(c string) bool { return !slices.Contains(cols, c) }) {
			best = i
		}
	}
	if best < 0 {
		return nil
	}
	// A fresh copy, which the load may keep parts of.
	return builtin(sigs[best].Name)
}
