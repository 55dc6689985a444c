package i18n

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestInt(t *testing.T) {
	tests := []struct {
		n      int64
		en, es string
	}{
		{0, "0", "0"},
		{999, "999", "999"},
		{1000, "1,000", "1.000"},
		{7303480, "7,303,480", "7.303.480"},
		{21392464, "21,392,464", "21.392.464"},
		{-3987338, "-3,987,338", "-3.987.338"},
		{-9223372036854775808, "-9,223,372,036,854,775,808", "-9.223.372.036.854.775.808"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.en, EN.Int(tt.n), "en %d", tt.n)
		assert.Equal(t, tt.es, ES.Int(tt.n), "es %d", tt.n)
	}
}

func TestPercent(t *testing.T) {
	tests := []struct {
		f      float64
		dec    int
		en, es string
	}{
		{7303480.0 / 10887262, 2, "67.08%", "67,08\u00a0%"},
		{3316142.0 / 10887262, 2, "30.46%", "30,46\u00a0%"},
		{25073.0 / 30026, 2, "83.50%", "83,50\u00a0%"},
		{1, 0, "100%", "100\u00a0%"},
		{0, 1, "0.0%", "0,0\u00a0%"},
		{-0.00001, 1, "0.0%", "0,0\u00a0%"},
		{12.345, 1, "1,234.5%", "1.234,5\u00a0%"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.en, EN.Percent(tt.f, tt.dec), "en %v", tt.f)
		assert.Equal(t, tt.es, ES.Percent(tt.f, tt.dec), "es %v", tt.f)
	}
}

func TestPPAndCompact(t *testing.T) {
	assert.Equal(t, "+36.62\u00a0pp", EN.PP(36.6234, 2))
	assert.Equal(t, "-2,5\u00a0pp", ES.PP(-2.5, 1))
	assert.Equal(t, "0.0\u00a0pp", EN.PP(0.01, 1))
	assert.Equal(t, "7.3M", EN.Compact(7303480))
	assert.Equal(t, "7,3\u00a0M", ES.Compact(7303480))
	assert.Equal(t, "-40k", EN.Compact(-40000))
	assert.Equal(t, "950", EN.Compact(950))
	assert.Equal(t, "+1,000", EN.SignedInt(1000))
}

func TestParse(t *testing.T) {
	tests := []struct {
		tag  string
		want Lang
		ok   bool
	}{
		{"es", ES, true}, {"es-VE", ES, true}, {"ES_es", ES, true},
		{"en-US", EN, true}, {"", EN, false}, {"fr", EN, false},
	}
	for _, tt := range tests {
		got, ok := Parse(tt.tag)
		assert.Equal(t, tt.want, got, tt.tag)
		assert.Equal(t, tt.ok, ok, tt.tag)
	}
	assert.Equal(t, "es", ES.Code())
	assert.Equal(t, "en", EN.Code())
}

var verb = regexp.MustCompile(`%(\[[0-9]+\])?[%sdvq]`)

// verbs lists the verbs of s without their argument indexes.
func verbs(s string) []string {
	var out []string
	for _, v := range verb.FindAllString(s, -1) {
		out = append(out, v[len(v)-1:])
	}
	return out
}

func TestTableComplete(t *testing.T) {
	require.NotEmpty(t, table)
	for k, e := range table {
		assert.NotEmpty(t, e.en, "%s en", k)
		assert.NotEmpty(t, e.es, "%s es", k)
		assert.Equal(t, verbs(e.en), verbs(e.es), "format verbs of %s", k)
	}
	assert.Equal(t, "Resumen", ES.T(TabOverview))
	assert.Equal(t, "unknown.key", EN.T("unknown.key"))
	assert.Equal(t, "Faltan: 4.953 de 30.026 mesas", ES.Tf(ScMissing, ES.Int(4953), ES.Int(30026)))
}

func TestUnits(t *testing.T) {
	tests := []struct {
		level string
		lang  Lang
		key   Key
		args  []any
		want  string
	}{
		{"table", ES, ScHow, nil, "Cómo votan las mesas que faltan"},
		{"county", ES, ScHow, nil, "Cómo votan los condados que faltan"},
		{"county", EN, ScHow, nil, "How the missing counties vote"},
		{"county", ES, ScNoMissing, nil, "Todos los condados esperados están contados."},
		{"table", ES, ScNoMissing, nil, "Todas las mesas esperadas están contadas."},
		{"county", EN, TabUnits, nil, "Counties"},
		{"precincts", ES, RgUnitsOne, nil, "1 recinto"},
		{"ward", EN, ScMissing, []any{"3", "10"}, "Missing: 3 of 10 wards"},
		{"booth", ES, ScMissing, []any{"3", "10"}, "Faltan: 3 de 10 unidades"},
		{"", EN, CovUnits, nil, "Units"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.lang.TUf(tt.key, UnitsFor(tt.level), tt.args...), "%s %s", tt.level, tt.key)
	}
	for k := range table {
		for _, l := range Langs {
			for _, lvl := range []string{"table", "county", "booth"} {
				assert.NotContains(t, l.TU(k, UnitsFor(lvl)), "{", "%s %s %s: a placeholder is left", k, l.Code(), lvl)
			}
		}
	}
}

// TestMysteryTitles: a mystery election's title and source read in
// Spanish; other titles stay as the data has them.
func TestMysteryTitles(t *testing.T) {
	assert.Equal(t, "Elección misteriosa 42", ES.Data("Mystery election 42"))
	assert.Equal(t, "Mystery election 42", EN.Data("Mystery election 42"))
	assert.Equal(t, "Mystery election of 2030", ES.Data("Mystery election of 2030"))
	assert.Equal(t, "elección misteriosa de tallyscope", ES.Data("tallyscope mystery election"))
}
