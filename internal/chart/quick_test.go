package chart_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/internal/chart"
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/forensics"
	"github.com/tallyscope/tallyscope/sim/load"
	"github.com/tallyscope/tallyscope/sim/scenario"
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

func TestQuickRegions(t *testing.T) {
	for _, f := range []string{"venezuela-2024/RESULTADOS_2024_CSV_V2.csv", "us-county/2024_US_County_Level_Presidential_Results.csv"} {
		tl := loadReal(t, f)
		a := sim.Aggregate(tl)
		for _, l := range []i18n.Lang{i18n.EN, i18n.ES} {
			p, err := chart.Regions(a, chart.Options{Lang: l})
			require.NoError(t, err)
			var b bytes.Buffer
			require.NoError(t, chart.Write(&b, p, chart.PNG, chart.Social, chart.Footer{Lang: l, Source: tl.Source, Digest: tl.Digest, Version: "v0.1.0"}))
			saveChart(t, "regions-"+tl.UnitLevel+"-"+l.Code()+".png", b.Bytes())
		}
	}
}

func TestQuickBreakEven(t *testing.T) {
	for _, f := range []string{"venezuela-2024/RESULTADOS_2024_CSV_V2.csv", "us-county/2024_US_County_Level_Presidential_Results.csv"} {
		tl := loadReal(t, f)
		e, err := scenario.New(tl)
		require.NoError(t, err)
		sc := scenario.Scenario{}
		if tl.UnitLevel == "county" {
			sc.UnitsTotal = 3500
		}
		b, err := e.BreakEven(sc)
		require.NoError(t, err)
		o, err := e.Run(scenario.Scenario{Missing: scenario.MissingLikeRegion, UnitsTotal: sc.UnitsTotal})
		require.NoError(t, err)
		for _, l := range []i18n.Lang{i18n.EN, i18n.ES} {
			p, err := chart.BreakEven(tl, b, o.MissingUnits, chart.Options{Lang: l})
			require.NoError(t, err)
			var buf bytes.Buffer
			require.NoError(t, chart.Write(&buf, p, chart.PNG, chart.Social, chart.Footer{Lang: l, Source: tl.Source, Digest: tl.Digest, Version: "v0.1.0", Scenario: sc.Stamp(tl.Digest).String()}))
			saveChart(t, "breakeven-"+tl.UnitLevel+"-"+l.Code()+".png", buf.Bytes())
		}
	}
}

func TestQuickMonteCarlo(t *testing.T) {
	for _, f := range []string{"venezuela-2024/RESULTADOS_2024_CSV_V2.csv"} {
		tl := loadReal(t, f)
		e, err := scenario.New(tl)
		require.NoError(t, err)
		sc := scenario.Scenario{Missing: scenario.MissingLikeRegion, MonteCarlo: scenario.MonteCarloParams{Runs: 1000, Seed: 1}}
		r, err := e.RunMonteCarlo(sc)
		require.NoError(t, err)
		for _, l := range []i18n.Lang{i18n.EN, i18n.ES} {
			p, err := chart.MonteCarlo(tl, r, chart.Options{Lang: l})
			require.NoError(t, err)
			var buf bytes.Buffer
			require.NoError(t, chart.Write(&buf, p, chart.PNG, chart.Social, chart.Footer{Lang: l, Source: tl.Source, Digest: tl.Digest, Version: "v0.1.0", Scenario: sc.Stamp(tl.Digest).String()}))
			saveChart(t, "montecarlo-"+tl.UnitLevel+"-"+l.Code()+".png", buf.Bytes())
		}
	}
}

func TestQuickFingerprint(t *testing.T) {
	tl := loadReal(t, "venezuela-2024/RESULTADOS_2024_CSV_V2.csv")
	v1 := loadReal(t, "venezuela-2024/RESULTADOS_2024_CSV_V1.csv")
	load.JoinRegistered(tl, v1)
	h, err := forensics.Fingerprint(tl, forensics.FingerprintOptions{})
	require.NoError(t, err)
	for _, l := range []i18n.Lang{i18n.EN, i18n.ES} {
		p, err := chart.Fingerprint(tl, h, chart.Options{Lang: l})
		require.NoError(t, err)
		var buf bytes.Buffer
		require.NoError(t, chart.Write(&buf, p, chart.PNG, chart.Social, chart.Footer{Lang: l, Source: tl.Source, Digest: tl.Digest, Version: "v0.1.0"}))
		saveChart(t, "fingerprint-"+tl.UnitLevel+"-"+l.Code()+".png", buf.Bytes())
	}
}

func TestQuickDigits(t *testing.T) {
	tl := loadReal(t, "venezuela-2024/RESULTADOS_2024_CSV_V2.csv")
	last, err := forensics.LastDigit(tl, forensics.DigitOptions{Bootstrap: -1})
	require.NoError(t, err)
	second, err := forensics.SecondDigit(tl, forensics.DigitOptions{Bootstrap: -1})
	require.NoError(t, err)
	for _, l := range []i18n.Lang{i18n.EN, i18n.ES} {
		p, err := chart.LastDigits(tl, last, chart.Options{Lang: l})
		require.NoError(t, err)
		var buf bytes.Buffer
		require.NoError(t, chart.Write(&buf, p, chart.PNG, chart.Social, chart.Footer{Lang: l, Source: tl.Source, Digest: tl.Digest, Version: "v0.1.0"}))
		saveChart(t, "digits-last-"+l.Code()+".png", buf.Bytes())
		p, err = chart.SecondDigits(tl, second, chart.Options{Lang: l})
		require.NoError(t, err)
		buf.Reset()
		require.NoError(t, chart.Write(&buf, p, chart.PNG, chart.Social, chart.Footer{Lang: l, Source: tl.Source, Digest: tl.Digest, Version: "v0.1.0"}))
		saveChart(t, "digits-second-"+l.Code()+".png", buf.Bytes())
	}
}

func TestQuickSwing(t *testing.T) {
	for _, f := range []string{"venezuela-2024/RESULTADOS_2024_CSV_V2.csv", "us-county/2024_US_County_Level_Presidential_Results.csv"} {
		tl := loadReal(t, f)
		a := sim.Aggregate(tl)
		for _, l := range []i18n.Lang{i18n.EN, i18n.ES} {
			p, err := chart.Swing(a, chart.Options{Lang: l})
			require.NoError(t, err)
			var b bytes.Buffer
			require.NoError(t, chart.Write(&b, p, chart.PNG, chart.Social, chart.Footer{Lang: l, Source: tl.Source, Digest: tl.Digest, Version: "v0.1.0"}))
			saveChart(t, "swing-"+tl.UnitLevel+"-"+l.Code()+".png", b.Bytes())
		}
	}
}
