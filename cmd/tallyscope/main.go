// Command tallyscope reads election tally data and answers questions about
// it: totals, shares, margins, coverage, what-if scenarios and forensic
// checks. Run "tallyscope help" for the list of commands.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
)

// command is one subcommand. Each lives in its own file and registers
// itself from an init function, so that commands can be added without
// touching this file.
type command struct {
	name    string
	summary string
	// run executes the command. It returns an error for failures the user
	// must see; errExitQuiet means the command already explained itself
	// and only the exit status must be non-zero.
	run func(args []string, stdout, stderr io.Writer) error
}

var commands = map[string]*command{}

func register(c *command) {
	if _, dup := commands[c.name]; dup {
		panic("tallyscope: command registered twice: " + c.name)
	}
	commands[c.name] = c
}

// errExitQuiet makes the program exit with status 1 without printing more.
var errExitQuiet = errors.New("exit 1")

// usageError marks a command-line mistake: it exits with status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run runs the command that args name and returns the exit status. A
// failed write to stdout (a full disk, a closed pipe) fails the command:
// every command writes through a checkedWriter, and a write error turns
// a success into status 1 with a message (a command that failed has
// already said why).
func run(args []string, stdout, stderr io.Writer) int {
	out := &checkedWriter{w: stdout}
	code := dispatch(args, out, stderr)
	if out.err != nil && code == 0 {
		fmt.Fprintf(stderr, "tallyscope: writing the output: %v\n", out.err)
		return 1
	}
	return code
}

// checkedWriter passes writes to w until one fails, and keeps that
// first error: then every later write fails with it too, so that no
// output goes on after a gap.
type checkedWriter struct {
	w   io.Writer
	err error
}

func (c *checkedWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	if err == nil && n < len(p) {
		err = io.ErrShortWrite
	}
	c.err = err
	return n, err
}

func dispatch(args []string, stdout, stderr io.Writer) int {
	args, err := takeLang(args)
	if err != nil {
		return exitCode(err, stderr)
	}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		if len(args) > 1 {
			if c, ok := commands[args[1]]; ok {
				return exitCode(c.run([]string{"--help"}, stdout, stderr), stderr)
			}
		}
		printUsage(stdout)
		return 0
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "tallyscope: unknown command %q\n\n", args[0])
		printUsage(stderr)
		return 2
	}
	return exitCode(c.run(args[1:], stdout, stderr), stderr)
}

func exitCode(err error, stderr io.Writer) int {
	var ue usageError
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errExitQuiet):
		return 1
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "tallyscope: %s\n", ue.msg)
		return 2
	default:
		fmt.Fprintf(stderr, "tallyscope: %s\n", errorText(err))
		return 1
	}
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "Tallyscope reads election results from tally sheets and answers what-if questions.")
	fmt.Fprintln(w, "\nUsage: tallyscope COMMAND [flags] [FILE]\n\nCommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun \"tallyscope COMMAND --help\" for a command's flags and examples.")
	fmt.Fprintln(w, "With --lang es, scenario (like chart and serve) speaks Spanish.")
}

// newFlagSet returns a flag set whose --help prints the usage line, the
// description and examples, then every flag.
func newFlagSet(name, usage, description string, examples []string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintf(w, "Usage: tallyscope %s\n\n%s\n\nFlags:\n", usage, description)
		fs.PrintDefaults()
		if len(examples) > 0 {
			fmt.Fprintf(w, "\nExamples:\n  %s\n", strings.Join(examples, "\n  "))
		}
	}
	return fs
}
