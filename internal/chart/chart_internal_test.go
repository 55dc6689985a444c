package chart

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/tallyscope/tallyscope/internal/i18n"
)

func TestDecimalsFor(t *testing.T) {
	for step, want := range map[float64]int{5: 0, 10: 0, 0.5: 1, 2.5: 1, 0.25: 2, 0.1: 1, 0.05: 2, 0: 0} {
		assert.Equal(t, want, decimalsFor(step), "step %v", step)
	}
}

func TestNiceStep(t *testing.T) {
	for _, tt := range []struct {
		span float64
		n    int
		want float64
	}{{100, 4, 25}, {67, 4, 20}, {1.2, 6, 0.2}, {7, 5, 2}, {0, 5, 1}} {
		assert.InDelta(t, tt.want, niceStep(tt.span, tt.n), 1e-12, "span %v in %d", tt.span, tt.n)
	}
}

func TestTicksLabels(t *testing.T) {
	pp := ppTicks(i18n.ES, 0.25).Ticks(35.8, 36.3)
	var labels []string
	for _, tk := range pp {
		labels = append(labels, tk.Label)
	}
	assert.Equal(t, []string{"+36,00\u00a0pp", "+36,25\u00a0pp"}, labels)
	pc := percentTicks(i18n.EN, 20).Ticks(0, 60)
	assert.Equal(t, "0%", pc[0].Label)
	assert.Equal(t, "60%", pc[3].Label)
	assert.Len(t, pc, 4)
}

func TestWrap(t *testing.T) {
	s := style(sizeFooter, nil, false)
	long := "Scenario s1." + string(make([]byte, 0)) + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
	lines := wrap(s, long, 200)
	assert.Greater(t, len(lines), 1)
	joined := ""
	for _, l := range lines {
		assert.LessOrEqual(t, float64(s.Width(l)), 200.0, "line %q fits", l)
		joined += l
	}
	assert.Equal(t, "Scenarios1."+long[len("Scenario s1."):], joined[:len("Scenario")]+joined[len("Scenario")+1:], "nothing is lost")
	assert.Equal(t, []string{"short text"}, wrap(s, "short text", 200))
	words := wrap(s, "Participación electoral en las mesas contadas según el conteo de las actas", 80)
	for _, l := range words {
		assert.LessOrEqual(t, float64(s.Width(l)), 80.0, l)
	}
}

func TestLevelNames(t *testing.T) {
	assert.Equal(t, "mesas", unitsName(i18n.ES, "table", true))
	assert.Equal(t, "condado", levelName(i18n.ES, "County", false))
	assert.Equal(t, "wards", levelName(i18n.EN, "ward", true))
	assert.Equal(t, "parroquias", levelName(i18n.ES, "parish", true))
	for _, tt := range []struct{ level, art, part string }{{"table", "las", "contadas"}, {"county", "los", "contados"}} {
		art, part := countedWords(i18n.ES, tt.level)
		assert.Equal(t, tt.art, art, tt.level)
		assert.Equal(t, tt.part, part, tt.level)
	}
	assert.Equal(t, "Ñandú", capital("ñandú"))
}

func TestCellPhrase(t *testing.T) {
	assert.Equal(t, "1-point cells", cellPhrase(i18n.EN, 1, 1))
	assert.Equal(t, "celdas de 1 punto", cellPhrase(i18n.ES, 1, 1))
	assert.Equal(t, "celdas de 2,5 puntos", cellPhrase(i18n.ES, 2.5, 2.5))
	assert.Equal(t, "2 × 5-point cells", cellPhrase(i18n.EN, 2, 5))
}
