package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/tallyscope/tallyscope/sim/load"
)

func init() {
	register(&command{name: "map", summary: "list the built-in mappings (the layouts Tallyscope recognises), or print one to start your own", run: runMap})
}

func runMap(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("map", "map [--show NAME]",
		"Lists the built-in mappings: the layouts Tallyscope recognises by their header columns (the\n"+
			"signature) when a file is given without --map. With --show, prints one as JSON, a starting\n"+
			"point for a mapping of your own: save it, change the columns and pass it with --map (see the\n"+
			"README's \"Loading your own data\").",
		[]string{
			"tallyscope map",
			"tallyscope map --show us-county-president > my-country.json",
			"tallyscope summary --map my-country.json results.csv",
		}, stderr)
	show := fs.String("show", "", "print the built-in mapping `NAME` as JSON")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("map takes no FILE (got %q); see tallyscope map --help", fs.Arg(0))}
	}
	if *show != "" {
		js, ok := load.BuiltinJSON(*show)
		if !ok {
			return usageError{fmt.Sprintf("no built-in mapping %q; the names are: %s", *show, strings.Join(builtinNames(), ", "))}
		}
		_, err := stdout.Write(js)
		return err
	}
	fmt.Fprintln(stdout, "Built-in mappings (recognised by the columns of their signature):")
	for _, b := range load.Builtins() {
		fmt.Fprintf(stdout, "\n  %s\n    %s\n    signature: %s\n", b.Name, b.Mapping.Description, strings.Join(b.Mapping.Signature, ", "))
	}
	fmt.Fprintln(stdout, "\nPrint one with: tallyscope map --show NAME")
	return nil
}

func builtinNames() []string {
	var names []string
	for _, b := range load.Builtins() {
		names = append(names, b.Name)
	}
	return names
}
