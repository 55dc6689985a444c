package app

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/assets"
)

// TestRegionListShowsDisplayNames: the app's region list and its search
// show the embedded data's states by name ("Nueva Esparta"), and a search
// for the name finds the state.
func TestRegionListShowsDisplayNames(t *testing.T) {
	d, err := Load(assets.Default, assets.DefaultName)
	require.NoError(t, err)
	var names []string
	for _, r := range d.Agg.Children(-1) {
		names = append(names, d.RegionName(r))
	}
	assert.Len(t, names, 24)
	assert.Contains(t, names, "Nueva Esparta")
	assert.Contains(t, names, "Distrito Capital")
	assert.Contains(t, names, "Táchira")
	found := d.Search("esparta", 10)
	require.Len(t, found, 1)
	assert.Equal(t, "Nueva Esparta", d.RegionName(found[0]))
	// The state comes first; its parishes named after it follow.
	tach := d.Search("tachira", 10)
	require.NotEmpty(t, tach, "the search folds accents")
	assert.Equal(t, "Táchira", d.RegionName(tach[0]), "the search folds accents")
}
