package ui

import (
	"fmt"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/tallyscope/tallyscope/assets"
	"github.com/tallyscope/tallyscope/internal/app"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/internal/lesson"
	"github.com/tallyscope/tallyscope/internal/view"
)

// Config is what the entry programs pass to Run.
type Config struct {
	// Data is a results file in any format package load reads; nil means
	// the embedded default (Venezuela 2024 by state).
	Data []byte
	// DataName names Data in messages.
	DataName string
	// Lang is a language tag ("en", "es", "es-VE"); empty means English.
	Lang string
	// Fragment is a URL fragment written by the app, to restore.
	Fragment string
	// DataErr is a problem met while fetching Data (shown on screen).
	DataErr error
	// Mapping is an optional mapping file naming Data's columns (for a
	// CSV that is not in a format package load recognises), and
	// MappingName its name.
	Mapping     []byte
	MappingName string
	// Save, when not nil, saves the current view's chart and the numbers
	// behind it and returns the files' path without its extension (the
	// files are Base.png and Base.csv). The desktop program sets it (the
	// chart package is never compiled into the browser build); without
	// it the "Save chart" control and its key are absent. It runs on a
	// goroutine of its own: the window keeps drawing meanwhile.
	Save func(app.SaveRequest) (base string, err error)
	// Sheets, when not nil, returns the links to the default data's
	// scanned tally sheets (assets.DefaultSheetsName, a file of
	// tallybin.MarshalSources), which the default data ships without.
	// It is called once, on a goroutine of its own, when a view first
	// offers a sheet (app.State.WantsSheets): the browser fetches the
	// file then, so that a reader who never opens a table does not
	// download it; the desktop returns it from memory.
	Sheets func() ([]byte, error)
	// Geo is a boundaries file (GeoJSON or TopoJSON) for Data's map:
	// the page's geo= file, the desktop's --geo flag, or the file Data's
	// mapping names; GeoName names it and GeoErr is a problem met while
	// getting it. The default data has its embedded states
	// (assets.VenezuelaStates).
	Geo     []byte
	GeoName string
	GeoErr  error
}

// NewGame builds the game for cfg without running it. A Data that does not
// load falls back to the embedded default, with the reason on screen.
func NewGame(cfg Config) (*Game, error) {
	lang, _ := i18n.Parse(cfg.Lang)
	def, err := app.Load(assets.Default, assets.DefaultName)
	if err != nil {
		return nil, fmt.Errorf("ui: the embedded default data does not load: %w", err)
	}
	def.SheetsPending = cfg.Sheets != nil
	def.Geo = app.EmbeddedStates(assets.VenezuelaStatesName, assets.VenezuelaStates, assets.VenezuelaStatesAttribution)
	st := app.New(def, lang, "")
	var files app.LoadFiles
	if cfg.Mapping != nil {
		name := cfg.MappingName
		if name == "" {
			name = "mapping"
		}
		files = append(files, app.LoadFile{Name: name, Data: cfg.Mapping})
	}
	if cfg.DataErr != nil || cfg.Data != nil {
		name := cfg.DataName
		if name == "" {
			name = "data"
		}
		files = append(files, app.LoadFile{Name: name, Data: cfg.Data, Err: cfg.DataErr})
	}
	if len(files) > 0 {
		st.Apply(files)
	}
	if st.Lessons, err = builtinLessons(); err != nil {
		return nil, err
	}
	if cfg.Fragment != "" {
		st.RestoreFragment(cfg.Fragment)
	}
	if cfg.Geo != nil || cfg.GeoErr != nil {
		// After the fragment: a page opened on the map needs no hint.
		name := cfg.GeoName
		if name == "" {
			name = "geometry"
		}
		st.Apply(app.LoadGeo{File: app.GeoFile{Name: name, Data: cfg.Geo}, Err: cfg.GeoErr})
	}
	st.Origin = pageOrigin()
	// The data the address opens; a file opened later is local.
	st.AddressData = st.Data.Name
	st.CanSave = cfg.Save != nil
	st.Touch = touchScreen()
	st.Background = backgroundRuns
	fonts, err := view.NewFonts()
	if err != nil {
		return nil, err
	}
	g := newGame(st, fonts)
	g.save = cfg.Save
	g.sheets = cfg.Sheets
	return g, nil
}

// MappingGeometry returns the boundaries file a mapping file names (its
// "geometry": {"file": …}, relative to the mapping), or "".
func MappingGeometry(mapping []byte) string {
	m := app.ReadMapping(mapping, "mapping")
	if m == nil || m.Geometry == nil {
		return ""
	}
	return m.Geometry.File
}

// windowW and windowH are the initial window size in CSS pixels.
var windowW, windowH = 1280, 800

// SetWindowSize sets the initial window size, in CSS pixels, before Run
// (the desktop's --size flag; browsers size the canvas from the page).
func SetWindowSize(w, h int) {
	if w >= 320 && h >= 320 {
		windowW, windowH = w, h
	}
}

// Run opens the window (or fills the canvas) and runs the visualizer
// until it is closed.
func Run(cfg Config) error {
	g, err := NewGame(cfg)
	if err != nil {
		return err
	}
	ebiten.SetWindowTitle("Tallyscope")
	ebiten.SetWindowSize(windowW, windowH)
	ebiten.SetWindowSizeLimits(320, 480, -1, -1)
	ebiten.SetWindowResizingMode(ebiten.WindowResizingModeEnabled)
	ebiten.SetScreenClearedEveryFrame(false)
	ebiten.SetTPS(60)
	return ebiten.RunGameWithOptions(g, runOptions())
}

// builtinLessons reads the lessons in assets.Lessons, in file name order.
func builtinLessons() ([]*lesson.Lesson, error) {
	ls, err := lesson.ReadAll(assets.Lessons, "lessons/*.json")
	if err != nil {
		return nil, fmt.Errorf("ui: built-in %w", err)
	}
	return ls, nil
}
