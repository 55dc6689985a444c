package web_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/internal/shareddata"
	"github.com/tallyscope/tallyscope/internal/web"
	"github.com/tallyscope/tallyscope/sim"
)

func TestSummarize(t *testing.T) {
	tests := []struct {
		name    string
		lang    i18n.Lang
		tally   func() *sim.Tally
		rows    []string // "name share votes"
		counted string
	}{
		{
			name: "english", lang: i18n.EN, tally: fixtureTally,
			rows:    []string{"Ana Á 60.00% 600 votes", "Beto B 30.00% 300 votes", "Others 10.00% 100 votes"},
			counted: "Coverage: 3 of 4 tables (75.00%)",
		},
		{
			name: "spanish", lang: i18n.ES, tally: fixtureTally,
			rows:    []string{"Ana Á 60,00\u00a0% 600 votos", "Beto B 30,00\u00a0% 300 votos", "Otros 10,00\u00a0% 100 votos"},
			counted: "Cobertura: 3 de 4 mesas (75,00\u00a0%)",
		},
		{
			name: "no expectation, three candidates all named", lang: i18n.EN,
			tally: func() *sim.Tally {
				tl := fixtureTally()
				tl.Expected = nil
				tl.UnitLevel = "county"
				tl.Candidates = tl.Candidates[:3]
				for i := range tl.Units {
					tl.Units[i].Votes = tl.Units[i].Votes[:3]
				}
				return tl
			},
			rows:    []string{"Ana Á 62.50% 600 votes", "Beto B 31.25% 300 votes", "Carla Cé 6.25% 60 votes"},
			counted: "Coverage: 3 counties",
		},
		{
			name: "tie keeps the tally's order", lang: i18n.EN,
			tally: func() *sim.Tally {
				return &sim.Tally{Candidates: []sim.Candidate{{ID: "x"}, {ID: "y"}}, UnitLevel: "",
					Units: []sim.Unit{{ID: "u", Region: -1, Registered: sim.Unknown, Null: sim.Unknown, Blank: sim.Unknown, Votes: []int64{5, 5}}}}
			},
			rows:    []string{"x 50.00% 5 votes", "y 50.00% 5 votes"},
			counted: "Coverage: 1 unit",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := web.Summarize(tc.tally(), tc.lang)
			var got []string
			for _, r := range s.Rows {
				got = append(got, r.Name+" "+r.Share+" "+r.Votes)
			}
			assert.Equal(t, tc.rows, got, tc.name)
			assert.Equal(t, tc.counted, s.Counted, tc.name)
		})
	}
}

func TestSummarizeFileRejectsBadData(t *testing.T) {
	_, err := web.SummarizeFile([]byte("not,a\nknown,format\n"), "bad.csv", i18n.EN)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "bad.csv")
}

// TestSummarizeV2 checks the summary of the real V2 file against the
// published figures: González 67.08%, Maduro 30.46%, 83.50% of tables.
func TestSummarizeV2(t *testing.T) {
	f := shareddata.Path(t, "venezuela-2024/RESULTADOS_2024_CSV_V2.csv")
	b := readFile(t, f)
	s, err := web.SummarizeFile(b, "RESULTADOS_2024_CSV_V2.csv", i18n.EN)
	require.NoError(t, err)
	require.Len(t, s.Rows, 3)
	assert.Contains(t, s.Rows[0].Name, "González")
	assert.Equal(t, "67.08%", s.Rows[0].Share)
	assert.Equal(t, "7,303,480 votes", s.Rows[0].Votes)
	assert.Contains(t, s.Rows[1].Name, "Maduro")
	assert.Equal(t, "30.46%", s.Rows[1].Share)
	assert.Equal(t, "3,316,142 votes", s.Rows[1].Votes)
	assert.Equal(t, "267,640 votes", s.Rows[2].Votes)
	assert.Equal(t, "Coverage: 25,073 of 30,026 tables (83.50%)", s.Counted)
}
