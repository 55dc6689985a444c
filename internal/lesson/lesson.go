// Package lesson reads guided lessons: a sequence of steps, each of which
// sets the visualizer's view, region and scenario, points at a control,
// and shows a short text with a question for the class, in English and
// Spanish. Lessons are data (one JSON file each, see assets/lessons and
// CLASSROOM.md's "Writing a lesson"), so a teacher can write one without
// touching the code.
//
// A step names its place in the app as a link fragment, the same one the
// app's "Copy link" writes ("view=scenario&s=s1.…", or the older
// "view=scenario&mode=split&split=0.6"): a teacher sets the view up, copies
// the link and pastes its fragment into the lesson. Shows lists figures
// the step's text relies on, exactly as the screen prints them; the tests
// check that the screen shows them, so a lesson cannot drift from its data
// unnoticed.
package lesson

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"path"
	"strings"
)

// ErrLesson reports a lesson file that cannot be used.
var ErrLesson = errors.New("lesson")

// MaxSize bounds a lesson file: lessons are a few kilobytes.
const MaxSize = 1 << 20

// Text is a sentence in both languages.
type Text struct {
	EN string `json:"en"`
	ES string `json:"es"`
}

// In returns the text in the language with the given code ("es"), and
// English for any other.
func (t Text) In(lang string) string {
	if lang == "es" {
		return t.ES
	}
	return t.EN
}

// Views the app offers, as a step's link names them.
var Views = []string{"overview", "scenario", "regions", "units", "uncertainty", "forensics"}

// Charts a step's handout page can draw (package chart's kinds), or "" for
// a page of text.
var Charts = []string{"shares", "regions", "breakeven", "montecarlo", "fingerprint", "digits", "swing"}

// Step is one screen of a lesson.
type Step struct {
	// Title heads the step.
	Title Text `json:"title"`
	// Link is the app's link fragment for the step: view, region and
	// scenario ("view=regions&region=21").
	Link string `json:"link"`
	// Highlight is the ID of the control the step points at ("split",
	// "tab-uncertainty"), or "".
	Highlight string `json:"highlight,omitempty"`
	// Text explains what is on screen, in two or three sentences; Question
	// is asked of the class.
	Text     Text `json:"text"`
	Question Text `json:"question"`
	// Chart is the chart drawn beside the step in the printed handout.
	Chart string `json:"chart,omitempty"`
	// Shows lists figures the text relies on, as the screen prints them
	// in each language ("67.08%" and "67,08 %").
	Shows []Text `json:"shows,omitempty"`
}

// View returns the view the step's link opens ("overview" when it names
// none).
func (s Step) View() string {
	v, _ := url.ParseQuery(strings.TrimPrefix(s.Link, "#"))
	if w := v.Get("view"); w != "" {
		return w
	}
	return "overview"
}

// Lesson is a guided lesson.
type Lesson struct {
	// ID names the lesson in links ("lesson=disputed-count").
	ID    string `json:"id"`
	Title Text   `json:"title"`
	// Data names the data the lesson is written for: "default" (the
	// embedded data) is the only one the app opens by itself.
	Data  string `json:"data"`
	Steps []Step `json:"steps"`
}

// Read reads and checks a lesson. Errors name the file and, for a syntax
// or type error, its line and column.
func Read(r io.Reader, name string) (*Lesson, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrLesson, name, err)
	}
	if len(b) > MaxSize {
		return nil, fmt.Errorf("%w: %s: larger than %d bytes; a lesson is a few kilobytes", ErrLesson, name, MaxSize)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var l Lesson
	if err := dec.Decode(&l); err != nil {
		return nil, fmt.Errorf("%w: %s:%s: %w", ErrLesson, name, position(b, err), unwrapJSON(err))
	}
	if dec.More() {
		return nil, fmt.Errorf("%w: %s:%s: text after the lesson's closing brace", ErrLesson, name, lineCol(b, int(dec.InputOffset())))
	}
	if err := l.check(); err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrLesson, name, err)
	}
	return &l, nil
}

// position returns "line:column" of a JSON decoding error, or "1:1".
func position(b []byte, err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return lineCol(b, int(se.Offset))
	case errors.As(err, &te):
		return lineCol(b, int(te.Offset))
	}
	if strings.Contains(err.Error(), "unknown field") {
		// encoding/json does not say where; find the field's first use.
		if _, f, ok := strings.Cut(err.Error(), "unknown field "); ok {
			if i := bytes.Index(b, []byte(f)); i >= 0 {
				return lineCol(b, i+1)
			}
		}
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return lineCol(b, len(b))
	}
	return "1:1"
}

func unwrapJSON(err error) error {
	if errors.Is(err, io.EOF) {
		return errors.New("the file is empty")
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return errors.New("the file ends inside the lesson")
	}
	return err
}

// lineCol turns a byte offset (the count of bytes read, as encoding/json
// reports it) into "line:column", both from 1.
func lineCol(b []byte, off int) string {
	off = min(max(off, 1), len(b)+1)
	line, col := 1, 1
	for _, c := range b[:off-1] {
		if c == '\n' {
			line, col = line+1, 1
			continue
		}
		col++
	}
	return fmt.Sprintf("%d:%d", line, col)
}

func (l *Lesson) check() error {
	if l.ID == "" || strings.ContainsAny(l.ID, " /?#&=") {
		return fmt.Errorf("the lesson needs an \"id\" without spaces or / ? # & = (it goes in links), got %q", l.ID)
	}
	if err := l.Title.check("title"); err != nil {
		return err
	}
	if l.Data != "default" {
		return fmt.Errorf("\"data\" must be \"default\" (the embedded data), got %q", l.Data)
	}
	if len(l.Steps) == 0 {
		return errors.New("the lesson has no steps")
	}
	for i, s := range l.Steps {
		where := fmt.Sprintf("step %d", i+1)
		for _, f := range []struct {
			t    Text
			name string
		}{{s.Title, "title"}, {s.Text, "text"}, {s.Question, "question"}} {
			if err := f.t.check(where + " " + f.name); err != nil {
				return err
			}
		}
		v, err := url.ParseQuery(strings.TrimPrefix(s.Link, "#"))
		if err != nil {
			return fmt.Errorf("%s: the link %q is not a link fragment: %w", where, s.Link, err)
		}
		if w := v.Get("view"); w != "" && !contains(Views, w) {
			return fmt.Errorf("%s: the link opens view %q; the views are %s", where, w, strings.Join(Views, ", "))
		}
		if s.Chart != "" && !contains(Charts, s.Chart) {
			return fmt.Errorf("%s: chart %q; the charts are %s", where, s.Chart, strings.Join(Charts, ", "))
		}
		for j, sh := range s.Shows {
			if err := sh.check(fmt.Sprintf("%s shows[%d]", where, j)); err != nil {
				return err
			}
		}
	}
	return nil
}

func (t Text) check(what string) error {
	switch {
	case strings.TrimSpace(t.EN) == "" && strings.TrimSpace(t.ES) == "":
		return fmt.Errorf("%s is missing (give \"en\" and \"es\")", what)
	case strings.TrimSpace(t.EN) == "":
		return fmt.Errorf("%s has no English (\"en\")", what)
	case strings.TrimSpace(t.ES) == "":
		return fmt.Errorf("%s has no Spanish (\"es\")", what)
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// ReadAll reads and checks every lesson file of fsys that matches
// pattern ("lessons/*.json"), in file name order.
func ReadAll(fsys fs.FS, pattern string) ([]*Lesson, error) {
	names, err := fs.Glob(fsys, pattern)
	if err != nil {
		return nil, err
	}
	var out []*Lesson
	for _, n := range names {
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, err
		}
		l, err := Read(bytes.NewReader(b), path.Base(n))
		if err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, nil
}
