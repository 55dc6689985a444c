//go:build !js

package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/tallyscope/tallyscope/internal/app"
	"github.com/tallyscope/tallyscope/internal/chart"
)

// This file is the only place the desktop program reaches package chart
// (and gonum/plot): internal/ui, which the browser build compiles, only
// calls the hook that saver returns.

// viewKinds maps the visualizer's views to the charts that show them.
var viewKinds = map[string]chart.Kind{
	"overview":    chart.KindShares,
	"regions":     chart.KindRegions,
	"scenario":    chart.KindBreakEven,
	"uncertainty": chart.KindMonteCarlo,
	"units":       chart.KindFingerprint,
	"forensics":   chart.KindDigits,
}

// saver returns the hook that saves the current view's chart (PNG) and its
// numbers (CSV) into dir, named after the data and the chart
// ("venezuela-2024-states-regions.png"); an existing file is never
// overwritten: the name takes "-2", "-3"… instead.
func saver(dir, version string) func(app.SaveRequest) (string, error) {
	return func(req app.SaveRequest) (string, error) {
		kind, ok := viewKinds[req.View]
		opts := chart.Options{Lang: req.Lang, Level: req.Level}
		if req.View == "map" && req.Map != nil {
			// The whole map (or cartogram) of the level drawn, coloured
			// as on screen; the static map colours the counted data
			// except in the shift mode.
			kind, ok = chart.KindMap, true
			if req.Cartogram {
				kind = chart.KindCartogram
			}
			opts.Map, opts.MapMode, opts.Sized = req.Map, req.MapMode, req.Sized
		}
		if !ok {
			return "", fmt.Errorf("%w: no chart for the view %q", chart.ErrKind, req.View)
		}
		var png, csv bytes.Buffer
		err := chart.RenderView(&png, &csv, chart.View{
			Kind:     kind,
			Tally:    req.Tally,
			Scenario: req.Scenario,
			Options:  opts,
			Format:   chart.PNG,
			Version:  version,
		})
		if err != nil {
			return "", err
		}
		base, err := freeBase(filepath.Join(dir, fileStem(req.DataName)+"-"+string(kind)))
		if err != nil {
			return "", err
		}
		if err := writeNew(base+".png", png.Bytes()); err != nil {
			return "", err
		}
		if err := writeNew(base+".csv", csv.Bytes()); err != nil {
			os.Remove(base + ".png")
			return "", err
		}
		return base, nil
	}
}

// fileStem turns a data file's name into a safe file-name stem: its base
// name without extension, with letters, digits, '-' and '_' only.
func fileStem(name string) string {
	name = filepath.Base(name)
	name = strings.TrimSuffix(name, filepath.Ext(name))
	var b strings.Builder
	for _, r := range name {
		switch {
		case unicode.IsLetter(r), unicode.IsDigit(r), r == '-', r == '_':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	s := strings.Trim(b.String(), "-")
	if s == "" || s == "." {
		return "tallyscope"
	}
	return s
}

// freeBase returns base, or base-2, base-3…, the first for which neither
// the .png nor the .csv exists.
func freeBase(base string) (string, error) {
	for i := 1; i <= 999; i++ {
		b := base
		if i > 1 {
			b = fmt.Sprintf("%s-%d", base, i)
		}
		if !exists(b+".png") && !exists(b+".csv") {
			return b, nil
		}
	}
	return "", fmt.Errorf("%s.png: too many saved charts of that name", base)
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return !errors.Is(err, os.ErrNotExist)
}

// writeNew writes a file that must not exist yet.
func writeNew(path string, b []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		os.Remove(path)
		return err
	}
	return f.Close()
}
