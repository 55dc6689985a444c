package chart_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/internal/chart"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/sim"
)

func TestQuickShares(t *testing.T) {
	tl := loadReal(t, "venezuela-2024/RESULTADOS_2024_CSV_V2.csv")
	a := sim.Aggregate(tl)
	for _, l := range []i18n.Lang{i18n.EN, i18n.ES} {
		p, err := chart.Shares(a, chart.Options{Lang: l})
		require.NoError(t, err)
		var b bytes.Buffer
		require.NoError(t, chart.Write(&b, p, chart.PNG, chart.Social, chart.Footer{Lang: l, Source: tl.Source, Digest: tl.Digest, Scenario: "s1.abcdefghijklmnopqrstuvwxyz0123456789", Version: "v0.1.0"}))
		saveChart(t, "shares-"+l.Code()+".png", b.Bytes())
	}
}
