package load_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/load"
)

func mapping(t *testing.T, js string) *load.Mapping {
	t.Helper()
	m, err := load.ReadMapping(strings.NewReader(js), "m.json")
	require.NoError(t, err)
	return m
}

func TestMappingDetectsFormat(t *testing.T) {
	m := `{"title": "Test", "levels": [{"column": "region", "label": "region"}, {"column": "dist_code", "name": "district", "label": "district"}],
	  "unit": "station", "name": "station_name", "registered": "electors", "valid": "valid", "null": "spoilt",
	  "candidates": [{"column": "A", "name": "Alice Ñúñez", "party": "Reds"}, "B"],
	  "expected": {"units": 10, "registered": 9000}}`
	for _, tc := range []struct {
		name    string
		data    []byte
		guesses []string
	}{
		{"comma, UTF-8", []byte("region,dist_code,district,station,station_name,electors,valid,spoilt,A,B\nNorth,01,Ñorte,1,School,1000,600,3,400,200\nNorth,01,Ñorte,2,Hall,900,500,0,300,200\n"),
			[]string{"encoding: UTF-8"}},
		{"semicolon, BOM, CRLF", []byte("\ufeffregion;dist_code;district;station;station_name;electors;valid;spoilt;A;B\r\nNorth;01;Ñorte;1;School;1000;600;3;400;200\r\nNorth;01;Ñorte;2;Hall;900;500;0;300;200\r\n"),
			[]string{"byte-order mark", `delimiter: ";"`}},
		{"tab, Latin-1", []byte("region\tdist_code\tdistrict\tstation\tstation_name\telectors\tvalid\tspoilt\tA\tB\nNorth\t01\t\xd1orte\t1\tSchool\t1000\t600\t3\t400\t200\nNorth\t01\t\xd1orte\t2\tHall\t900\t500\t0\t300\t200\n"),
			[]string{"Latin-1", `delimiter: "\t"`}},
		{"quoted thousands", []byte("region,dist_code,district,station,station_name,electors,valid,spoilt,A,B\nNorth,01,Ñorte,1,School,\"1,000\",600,3,400,200\nNorth,01,Ñorte,2,Hall,900,500,0,300,200\n"),
			[]string{`thousands separator: ','`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tally, rep, err := load.Read(strings.NewReader(string(tc.data)), load.Options{Name: "x.csv", Mapping: mapping(t, m)})
			require.NoError(t, err)
			for _, g := range tc.guesses {
				assert.Contains(t, strings.Join(rep.Guesses, "\n"), g)
			}
			assert.Equal(t, []string{"region", "district"}, tally.Levels)
			assert.Equal(t, "Ñorte", tally.Regions[1].Name)
			assert.Equal(t, "01", tally.Regions[1].Key)
			assert.Equal(t, "Alice Ñúñez", tally.Candidates[0].Name)
			assert.Equal(t, "B", tally.Candidates[1].ID)
			a := sim.Aggregate(tally)
			assert.Equal(t, []int64{700, 400}, a.Nation.Votes)
			assert.Equal(t, int64(1900), a.Nation.Registered)
			assert.Equal(t, int64(3), a.Nation.Null)
			assert.Equal(t, "School", tally.Units[0].Name)
			e := a.Nation.Expected
			assert.Equal(t, int64(10), e.Units)
			assert.Equal(t, int64(9000), e.Registered)
		})
	}
}

func TestMappingNumberFormats(t *testing.T) {
	data := "d;A;B\nx;1.234;5,0\ny;12.345.678;0\n"
	m := mapping(t, `{"levels": ["d"], "candidates": ["A", "B"], "thousands": ".", "decimal": ","}`)
	tally, _, err := load.Read(strings.NewReader(data), load.Options{Name: "n.csv", Mapping: m})
	require.NoError(t, err)
	assert.Equal(t, []int64{1234, 5}, tally.Units[0].Votes)
	assert.Equal(t, []int64{12345678, 0}, tally.Units[1].Votes)
	assert.Equal(t, "2", tally.Units[0].ID, "units without an id column are named by line")
}

func TestMappingTotalMakesOthers(t *testing.T) {
	data := "fips,dem,gop,total\n01001,10,20,35\n"
	m := mapping(t, `{"unit": "fips", "candidates": ["dem", "gop"], "total": "total", "others": {"id": "oth", "name": "Others"}}`)
	tally, _, err := load.Read(strings.NewReader(data), load.Options{Name: "t.csv", Mapping: m})
	require.NoError(t, err)
	assert.Equal(t, "oth", tally.Candidates[2].ID)
	assert.Equal(t, []int64{10, 20, 5}, tally.Units[0].Votes)
	assert.Equal(t, -1, tally.Units[0].Region, "no levels: units sit directly in the nation")
	assert.Equal(t, sim.Unknown, tally.Units[0].Registered)
}

func TestMappingSliceAndPad(t *testing.T) {
	data := "code,table,A\n10101001,3,5\n"
	m := mapping(t, `{"levels": [{"column": "code", "pad": 9, "slice": [0, 2], "label": "state"}, {"column": "code", "pad": 9, "label": "centre"}], "unit": "table", "unit_pad": 2, "unit_qualified": true, "candidates": ["A"]}`)
	tally, _, err := load.Read(strings.NewReader(data), load.Options{Name: "s.csv", Mapping: m})
	require.NoError(t, err)
	assert.Equal(t, "01", tally.Regions[0].Key)
	assert.Equal(t, "010101001", tally.Regions[1].Key)
	assert.Equal(t, "010101001.03", tally.Units[0].ID)
}

func TestSameKeyUnderDifferentParents(t *testing.T) {
	// Municipality 1 exists in two states: they are different regions.
	data := "state,mun,table,A\n1,1,1,5\n2,1,1,7\n1,1,2,1\n"
	m := mapping(t, `{"levels": ["state", "mun"], "unit": "table", "candidates": ["A"]}`)
	tally, _, err := load.Read(strings.NewReader(data), load.Options{Name: "p.csv", Mapping: m})
	require.NoError(t, err)
	a := sim.Aggregate(tally)
	require.Len(t, a.Level(1), 2)
	assert.Equal(t, int64(6), a.Result(a.Level(0)[0]).Valid)
	assert.Equal(t, int64(7), a.Result(a.Level(0)[1]).Valid)
	// A unit id repeated in another region is not a duplicate, but the
	// same region coming back after another one is still checked.
	bad := data + "1,1,1,9\n"
	_, _, err = load.Read(strings.NewReader(bad), load.Options{Name: "p.csv", Mapping: m})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "p.csv:5:")
	assert.Contains(t, err.Error(), "already appears on line 2")
}

func TestVenezuelaContext(t *testing.T) {
	data := "COD_EDO,EDO,COD_MUN,MUN,COD_PAR,PAR,CENTRO,MESA,VOTOS_VALIDOS,VOTOS_NULOS,EG,NM,LM,JABE,JOBR,AE,CF,DC,EM,BERA,URL\n" +
		"1,DTTO. CAPITAL,1,MP. BLVNO LIBERTADOR,1,PQ. ALTAGRACIA,10101001,1,449,0,323,114,3,1,0,1,1,2,0,4,https://example.org/1.jpg\n"
	tally, _, err := load.Read(strings.NewReader(data), load.Options{Name: "v.csv"})
	require.NoError(t, err)
	e := tally.NationalExpectation()
	assert.Equal(t, int64(30026), e.Units)
	assert.Equal(t, int64(21392464), e.Registered)
	require.Len(t, tally.Claims, 2)
	assert.Equal(t, int64(12335884), tally.Claims[1].ValidTotal())
	var sum int64
	for _, v := range tally.Claims[1].Votes {
		sum += v.Votes
	}
	assert.Equal(t, int64(12335884), sum, "the 2nd bulletin's candidates add up to its valid total")
	assert.Equal(t, int64(10058774), tally.Claims[0].ValidTotal())
	assert.Equal(t, []string{"state", "municipality", "parish", "centre"}, tally.Levels)
	assert.Equal(t, "table", tally.UnitLevel)
}

// TestLevelLabelDefault: a level without a label is named by its name
// column, or else its code column, read as words without "name" or
// "code", so that "country name" never reaches a chart's title.
func TestLevelLabelDefault(t *testing.T) {
	for _, tc := range []struct{ level, want string }{
		{`"Country Name"`, "country"},
		{`"country_name"`, "country"},
		{`"CountyName"`, "county"},
		{`"district_code"`, "district"},
		{`{"column": "dist_code", "name": "District Name"}`, "district"},
		{`{"column": "c", "label": "Département"}`, "Département"},
		{`"Name"`, "name"},
		{`"region"`, "region"},
	} {
		m := mapping(t, `{"levels": [`+tc.level+`], "candidates": ["A"]}`)
		hdr := []string{"A"}
		for _, l := range m.Levels {
			hdr = append(hdr, l.Column)
			if l.Name != "" {
				hdr = append(hdr, l.Name)
			}
		}
		data := strings.Join(hdr, ",") + "\n" + strings.Repeat("1,", len(hdr)-1) + "1\n"
		tally, _, err := load.Read(strings.NewReader(data), load.Options{Name: "l.csv", Mapping: m})
		require.NoError(t, err, tc.level)
		assert.Equal(t, []string{tc.want}, tally.Levels, tc.level)
	}
}
