// Package sheets holds the links to the scanned tally sheets of the
// default data (assets.Default), which is embedded without them: they are
// a third of its size once compressed, and most readers never open a
// sheet. The browser's build fetches this file from the site when a view
// first offers a sheet; the command line and the desktop, which are not
// downloaded by every reader, embed it through this package. The browser
// build must not import it (internal/deps checks).
package sheets

import (
	_ "embed"
	"fmt"

	"github.com/tallyscope/tallyscope/assets"
	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/tallybin"
)

// Default is the file of sheet links for assets.Default
// (assets.DefaultSheetsName, written by tallybin.MarshalSources);
// tallybin.AttachSources reads it into the decoded default.
//
//go:embed venezuela-2024-sheets.tlys
var Default []byte

// Tally decodes assets.Default with its sheet links.
func Tally() (*sim.Tally, error) {
	t, err := tallybin.Decode(assets.Default)
	if err != nil {
		return nil, fmt.Errorf("the embedded default data: %w", err)
	}
	if err := tallybin.AttachSources(t, Default); err != nil {
		return nil, fmt.Errorf("the embedded default data's sheet links: %w", err)
	}
	return t, nil
}

// Get returns Default; it fits ui.Config.Sheets.
func Get() ([]byte, error) { return Default, nil }
