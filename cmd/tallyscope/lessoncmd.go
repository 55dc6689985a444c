package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/tallyscope/tallyscope/assets"
	"github.com/tallyscope/tallyscope/internal/chart"
	"github.com/tallyscope/tallyscope/internal/handout"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/internal/lesson"
	"github.com/tallyscope/tallyscope/internal/version"
)

func init() {
	register(&command{name: "lesson", summary: "print a guided lesson as a PDF handout for a class without screens", run: runLesson})
}

func runLesson(args []string, stdout, stderr io.Writer) error {
	fset := newFlagSet("lesson", "lesson [--lang en|es] [--paper a4|letter] --out FILE.pdf LESSON",
		"Writes a lesson as a printable PDF: a first page with its title and steps, then a page per\n"+
			"step with what the screen shows, the question for the class, lines to answer on, and the\n"+
			"step's chart, drawn from the same data and scenario as the app's step. LESSON is the id of\n"+
			"a built-in lesson ("+strings.Join(builtinIDs(), ", ")+") or a lesson file (.json; see\n"+
			"CLASSROOM.md's \"Writing a lesson\"). Without LESSON, lists the built-in lessons.",
		[]string{
			"tallyscope lesson --out handout.pdf disputed-count",
			"tallyscope lesson --lang es --paper letter --out guia.pdf natural",
			"tallyscope lesson --out mine.pdf my-lesson.json",
		}, stderr)
	lang := fset.String("lang", "en", "`language` of the handout, en or es")
	paper := fset.String("paper", "a4", "`paper` size: a4 or letter")
	out := fset.String("out", "", "write the handout to `FILE.pdf`")
	force := fset.Bool("force", false, "replace the --out file if it exists (a symbolic link is never written through)")
	answer := fset.Int("answer-lines", 4, "ruled `lines` under each question (0 for none)")
	if err := fset.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err.Error()}
	}
	if fset.NArg() == 0 {
		ls, err := builtinLessons()
		if err != nil {
			return err
		}
		for _, l := range ls {
			fmt.Fprintf(stdout, "%-16s %d steps  %s / %s\n", l.ID, len(l.Steps), l.Title.EN, l.Title.ES)
		}
		return nil
	}
	if fset.NArg() != 1 {
		return usageError{"lesson takes one LESSON (a built-in lesson's id or a lesson file); see tallyscope lesson --help"}
	}
	l, ok := i18n.Parse(*lang)
	if !ok {
		return usageError{fmt.Sprintf("--lang must be en or es, not %q", *lang)}
	}
	pp, err := chart.ParsePaper(*paper)
	if err != nil {
		return usageError{err.Error()}
	}
	if *out == "" {
		return usageError{"lesson needs --out FILE.pdf"}
	}
	if f, err := chart.ParseFormat(*out); err != nil || f != chart.PDF {
		return usageError{fmt.Sprintf("--out must name a .pdf file, not %q", *out)}
	}
	if *answer < 0 || *answer > 20 {
		return usageError{fmt.Sprintf("--answer-lines must be from 0 to 20, not %d", *answer)}
	}
	if _, err := checkTarget(*out, *force); err != nil {
		return err
	}
	les, err := readLesson(fset.Arg(0))
	if err != nil {
		return err
	}
	t, _, err := readDefault()
	if err != nil {
		return err
	}
	lines := *answer
	if lines == 0 {
		lines = -1
	}
	var buf bytes.Buffer
	if err := handout.Write(&buf, les, t, assets.DefaultName, handout.Options{Lang: l, Paper: pp, Version: version.String(), AnswerLines: lines}); err != nil {
		return err
	}
	if err := writeFile(*out, *force, func(w io.Writer) error { _, err := w.Write(buf.Bytes()); return err }); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "wrote %s: %s, %d pages (%d steps)\n", *out, les.Title.In(l.Code()), len(les.Steps)+1, len(les.Steps))
	return nil
}

// builtinLessons reads the lessons in assets.Lessons, in file name order.
func builtinLessons() ([]*lesson.Lesson, error) {
	return lesson.ReadAll(assets.Lessons, "lessons/*.json")
}

// builtinIDs returns the ids of the built-in lessons, for the help text
// and for messages (none when they do not read, which the tests rule out).
func builtinIDs() []string {
	ls, _ := builtinLessons()
	var ids []string
	for _, l := range ls {
		ids = append(ids, l.ID)
	}
	return ids
}

// readLesson reads a built-in lesson by its id, or a lesson file.
func readLesson(arg string) (*lesson.Lesson, error) {
	if !strings.ContainsAny(arg, `/\`) && !strings.HasSuffix(arg, ".json") {
		ls, err := builtinLessons()
		if err != nil {
			return nil, err
		}
		for _, l := range ls {
			if l.ID == arg {
				return l, nil
			}
		}
		return nil, usageError{fmt.Sprintf("no built-in lesson %q (there are %s); a lesson file needs its .json name", arg, strings.Join(builtinIDs(), ", "))}
	}
	f, err := os.Open(arg)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return lesson.Read(f, arg)
}
