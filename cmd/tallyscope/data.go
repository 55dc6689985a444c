package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/tallyscope/tallyscope/assets"
	"github.com/tallyscope/tallyscope/assets/sheets"
	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/load"
)

// dataFlags are the flags every command that reads a tally shares.
type dataFlags struct {
	mapping         string
	lenient         bool
	joinRegistered  string
	registeredTotal int64
	unitsTotal      int64
	// def reads the embedded default data (assets.Default) instead of
	// a file, the data the visualizer opens on.
	def bool
}

func (d *dataFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&d.mapping, "map", "", "read `MAPPING.json` describing the CSV's columns (for data in any other layout; see README)")
	fs.BoolVar(&d.lenient, "lenient", false, "skip bad rows and list them, instead of stopping at the first")
	fs.StringVar(&d.joinRegistered, "join-registered", "", "copy registered voters from `FILE` onto matching units (Venezuela: V1's RE onto V2)")
	fs.Int64Var(&d.registeredTotal, "registered-total", 0, "`N` registered voters expected nationally, including units not in the data")
	fs.Int64Var(&d.unitsTotal, "units-total", 0, "`N` units expected nationally, including units not in the data")
	fs.BoolVar(&d.def, "default", false, "read the embedded default data (every table of Venezuela 2024, as the visualizer shows it) instead of a FILE")
}

// load reads the tally in file, applying the flags. Progress goes to
// stderr when it is a terminal and the load takes a while.
func (d *dataFlags) load(file string, stderr io.Writer) (*sim.Tally, *load.Report, error) {
	opts := load.Options{Name: filepath.Base(file), Lenient: d.lenient}
	if d.mapping != "" {
		mf, err := os.Open(d.mapping)
		if err != nil {
			return nil, nil, err
		}
		m, err := load.ReadMapping(mf, filepath.Base(d.mapping))
		mf.Close()
		if err != nil {
			return nil, nil, err
		}
		opts.Mapping = m
	}
	var t *sim.Tally
	var rep *load.Report
	var err error
	if d.def {
		t, rep, err = readDefault()
	} else {
		t, rep, err = readFile(file, opts, stderr)
	}
	if err != nil {
		return nil, rep, err
	}
	if d.joinRegistered != "" {
		src, srcRep, err := readFile(d.joinRegistered, load.Options{Name: filepath.Base(d.joinRegistered), Lenient: d.lenient}, stderr)
		if err != nil {
			return nil, rep, err
		}
		n, err := load.Join(t, rep, src, srcRep, d.lenient)
		if err != nil {
			return nil, rep, err
		}
		rep.Guesses = append(rep.Guesses, fmt.Sprintf("registered voters joined from %s onto %d of %d units", filepath.Base(d.joinRegistered), n, len(t.Units)))
	}
	if d.registeredTotal > 0 || d.unitsTotal > 0 {
		e := t.NationalExpectation()
		if d.registeredTotal > 0 {
			e.Registered = d.registeredTotal
		}
		if d.unitsTotal > 0 {
			e.Units = d.unitsTotal
		}
		e.Source = "command line"
		setNational(t, e)
	}
	return t, rep, nil
}

func setNational(t *sim.Tally, e sim.Expectation) {
	for i := range t.Expected {
		if t.Expected[i].Region == -1 {
			t.Expected[i] = e
			return
		}
	}
	t.Expected = append(t.Expected, e)
}

// readDefault decodes the embedded default data, with the links to its
// scanned sheets.
func readDefault() (*sim.Tally, *load.Report, error) {
	t, err := sheets.Tally()
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", assets.DefaultName, err)
	}
	rep := &load.Report{File: assets.DefaultName, Format: "Tallyscope binary (embedded default)", SHA256: t.Digest, Rows: len(t.Units), Loaded: len(t.Units)}
	return t, rep, nil
}

// readFile opens and loads one file ("-" is standard input).
func readFile(file string, opts load.Options, stderr io.Writer) (*sim.Tally, *load.Report, error) {
	var r io.Reader
	if file == "-" {
		r = os.Stdin
		opts.Name = "stdin"
	} else {
		f, err := os.Open(file)
		if err != nil {
			return nil, nil, err
		}
		defer f.Close()
		r = f
		if isTerminal(stderr) {
			if st, err := f.Stat(); err == nil && st.Size() > 8<<20 {
				pr := &progressReader{r: f, total: st.Size(), w: stderr, name: opts.Name}
				defer pr.done()
				r = pr
			}
		}
	}
	return load.Read(r, opts)
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// progressReader prints how much of a large file has been read.
type progressReader struct {
	r     io.Reader
	w     io.Writer
	name  string
	n     int64
	total int64
	last  time.Time
	shown bool
}

func (p *progressReader) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	p.n += int64(n)
	if time.Since(p.last) > 200*time.Millisecond {
		p.last = time.Now()
		p.shown = true
		fmt.Fprintf(p.w, "\rreading %s: %d of %d MB (%.0f%%)", p.name, p.n>>20, p.total>>20, 100*float64(p.n)/float64(p.total))
	}
	return n, err
}

func (p *progressReader) done() {
	if p.shown {
		fmt.Fprintf(p.w, "\rreading %s: done%30s\n", p.name, "")
	}
}

// oneFile returns the single positional argument, or a usage error.
// With --default, it returns the default data's name and there must be no
// argument.
func oneFile(fs *flag.FlagSet) (string, error) {
	if f := fs.Lookup("default"); f != nil && f.Value.String() == "true" {
		if fs.NArg() != 0 {
			return "", usageError{fmt.Sprintf("%s --default reads the embedded data; it takes no data FILE (got %d)", fs.Name(), fs.NArg())}
		}
		return assets.DefaultName, nil
	}
	if fs.NArg() != 1 {
		return "", usageError{fmt.Sprintf("%s needs exactly one data FILE (got %d); see tallyscope %s --help", fs.Name(), fs.NArg(), fs.Name())}
	}
	return fs.Arg(0), nil
}
