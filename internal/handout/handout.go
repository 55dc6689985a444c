// Package handout prints a lesson (package lesson) for a class without
// screens: a first page with the lesson's title and its steps, then one
// page per step with the step's text, its question, ruled lines to answer
// on, and the step's chart. The chart is drawn by package chart from the
// scenario that the step's link opens in the app (package app), so the
// paper shows the numbers the screen shows.
package handout

import (
	"fmt"
	"io"

	"github.com/tallyscope/tallyscope/internal/app"
	"github.com/tallyscope/tallyscope/internal/chart"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/internal/lesson"
	"github.com/tallyscope/tallyscope/sim"
)

// Options configure a handout.
type Options struct {
	Lang i18n.Lang
	// Paper is the page size (chart.A4 when zero).
	Paper chart.Size
	// Version is Tallyscope's version, for the charts' footers.
	Version string
	// AnswerLines is the number of ruled lines under each question (4
	// when zero; negative for none).
	AnswerLines int
}

// Pages returns the handout's pages for lesson l on tally t: a title page,
// then a page per step.
func Pages(l *lesson.Lesson, t *sim.Tally, name string, opts Options) ([]chart.Page, error) {
	d, err := app.NewDataset(t, name)
	if err != nil {
		return nil, err
	}
	lang, code := opts.Lang, opts.Lang.Code()
	lines := opts.AnswerLines
	switch {
	case lines == 0:
		lines = 4
	case lines < 0:
		lines = 0
	}
	title := l.Title.In(code)
	first := chart.Page{Kicker: lang.T(i18n.HoKicker), Title: title}
	first.Paragraphs = append(first.Paragraphs, chart.Paragraph{Text: lang.T(i18n.HoHowTo)})
	if t.Title != "" {
		src := lang.Data(t.Title)
		if t.Source != "" {
			src += " (" + lang.Data(t.Source) + ")"
		}
		first.Paragraphs = append(first.Paragraphs, chart.Paragraph{Label: lang.T(i18n.HoData), Text: src})
	}
	steps := chart.Paragraph{Label: lang.T(i18n.HoSteps)}
	for i, s := range l.Steps {
		if i > 0 {
			steps.Text += " · "
		}
		steps.Text += fmt.Sprintf("%d. %s", i+1, s.Title.In(code))
	}
	first.Paragraphs = append(first.Paragraphs, steps)
	pages := []chart.Page{first}
	for i, s := range l.Steps {
		st := app.New(d, lang, s.Link)
		if st.Msg.Err {
			return nil, fmt.Errorf("handout: %s step %d: the link %q: %s", l.ID, i+1, s.Link, st.Msg.Text)
		}
		p := chart.Page{
			Kicker: lang.Tf(i18n.HoStep, title, i+1, len(l.Steps)),
			Title:  s.Title.In(code),
			Paragraphs: []chart.Paragraph{
				{Text: s.Text.In(code)},
				{Label: lang.T(i18n.HoQuestion), Text: s.Question.In(code)},
			},
			AnswerLines: lines,
		}
		if s.Chart == "" {
			p.Paragraphs = append(p.Paragraphs, chart.Paragraph{Text: lang.T(i18n.HoNoChart)})
			pages = append(pages, p)
			continue
		}
		kind, err := chart.ParseKind(s.Chart)
		if err != nil {
			return nil, fmt.Errorf("handout: %s step %d: %w", l.ID, i+1, err)
		}
		sc := st.Scenario()
		if kind == chart.KindMonteCarlo && sc.MonteCarlo.Runs == 0 {
			sc.MonteCarlo.Runs = chart.DefaultRuns // named in the footer
		}
		plot, _, err := chart.Render(kind, t, sc, chart.Options{Lang: lang})
		if err != nil {
			return nil, fmt.Errorf("handout: %s step %d: the %s chart: %w", l.ID, i+1, kind, err)
		}
		p.Plot, p.Footer = plot, chart.FooterFor(t, sc, lang, opts.Version)
		pages = append(pages, p)
	}
	return pages, nil
}

// Write writes the handout of lesson l on tally t to w as a PDF.
func Write(w io.Writer, l *lesson.Lesson, t *sim.Tally, name string, opts Options) error {
	pages, err := Pages(l, t, name, opts)
	if err != nil {
		return err
	}
	paper := opts.Paper
	if paper.Width == 0 {
		paper = chart.A4
	}
	return chart.WriteDocument(w, pages, paper)
}
