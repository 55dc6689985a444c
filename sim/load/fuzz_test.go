package load_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/load"
)

var fuzzSeeds = []string{
	"COD_EDO,EDO,COD_MUN,MUN,COD_PAR,PAR,CENTRO,MESA,VOTOS_VALIDOS,VOTOS_NULOS,EG,NM,LM,JABE,JOBR,AE,CF,DC,EM,BERA,URL\n1,DTTO. CAPITAL,1,MP. BLVNO LIBERTADOR,1,PQ. ALTAGRACIA,10101001,1,449,0,323,114,3,1,0,1,1,2,0,4,https://static.resultadosconvzla.com/408106_205969_0184Acta0184.jpg\n",
	"\ufeffCOD_EDO,EDO,COD_MUN,MUN,COD_PAR,PAR,CENTRO,MESA,RE,VOTOS_VALIDOS,VOTOS_NULOS,EG,NM,LM,JABE,JOBR,AE,CF,DC,EM,BERA,URL\r\n1,DTTO. CAPITAL,1,MP. BLVNO LIBERTADOR,13,PQ. EL RECREO,10113042,1,666,364,0,232,120,5,0,0,3,1,1,0,2,https://static.resultadosconvzla.com/408106_387187_0096Acta0096.jpg\r\n",
	"Acta,Maduro,Martinez,Bertucci,Brito,Ecarri,Fermin,Ceballos,Gonzalez,Marquez,Rausseo\n010101001.01.1.0001,114,3,1,0,1,1,2,323,0,4\n",
	"state_name,county_fips,county_name,votes_gop,votes_dem,total_votes,diff,per_gop,per_dem,per_point_diff\nAlabama,01001,Autauga County,20484,7439,28190,13045.0,0.7266406527137282,0.2638879035118836,0.4627527492018446\n",
	`{"format":"tallyscope/1","levels":["state"],"unit_level":"table","candidates":[{"id":"A"}],"regions":[{"level":0,"key":"1","parent":-1}],"units":[{"id":"1","region":0,"registered":10,"votes":[5],"null":0,"blank":-1}]}`,
	// Issue #11 (the files in testdata/bad and testdata/join are added too).
	usHeader + "Alabama,01001,Autauga,12.000,7439,28190,0,0,0,0\nAlabama,01003,Baldwin,13045.0,1,13046,0,0,0,0\n",
	usHeader + strings.Repeat("Alabama,01001,Autauga,999999999999999999,1,999999999999999999,0,0,0,0\n", 12),
	usHeader + "Alaska,02901,D1,189951,153778,359530,0,0,0,0\nAlaska,02902,D2,189951,153778,359530,0,0,0,0\nAlaska,02903,D3,189951,153778,359530,0,0,0,0\n",
	`{"format":"tallyscope/1","levels":[],"unit_level":"table","candidates":[{"id":"a"}],"regions":[],"units":[{"id":"1","region":-1,"registered":10,"votes":[9223372036854775807],"null":-1,"blank":-1}]}`,
	`{"format":"tallyscope/1","levels":[],"unit_level":"table","candidates":[{"id":"a"}],"regions":[],"units":[{"id":"1","region":-1,"registered":-1,"votes":[5],"null":-1,"blank":-1,"count":9223372036854775807}]}`,
	`{"format":"tallyscope/1","levels":["s"],"unit_level":"t","candidates":[{"id":"a"}],"regions":[{"level":0,"key":"1","parent":-1},{"level":0,"key":"1","parent":-1}],"units":[{"id":"1","region":0,"registered":-1,"votes":[5],"null":-1,"blank":-1},{"id":"1","region":0,"registered":-1,"votes":[5],"null":-1,"blank":-1}]}`,
}

func addBadSeeds(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "bad", "*"))
	join, _ := filepath.Glob(filepath.Join("testdata", "join", "*"))
	for _, p := range append(files, join...) {
		if b, err := os.ReadFile(p); err == nil && len(b) < 4096 {
			f.Add(b)
		}
	}
}

// FuzzRead feeds arbitrary bytes to the detecting loader: it must never
// panic, every row must be loaded or listed, and what loads must be a
// valid tally.
func FuzzRead(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	addBadSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, lenient := range []bool{false, true} {
			tally, rep, err := load.Read(bytes.NewReader(data), load.Options{Name: "fuzz", Lenient: lenient})
			if err != nil {
				if !strings.HasPrefix(err.Error(), "fuzz") {
					t.Fatalf("error does not name the file: %v", err)
				}
				continue
			}
			if verr := tally.Validate(); verr != nil {
				t.Fatalf("loaded an invalid tally: %v", verr)
			}
			if rep.Rows != rep.Loaded+len(rep.Skipped) {
				t.Fatalf("rows %d != loaded %d + skipped %d", rep.Rows, rep.Loaded, len(rep.Skipped))
			}
			checkSums(t, tally)
		}
	})
}

// checkSums fails when a loaded tally aggregates to an error, a negative
// total or a share outside [0,1]: the loader must have refused it.
func checkSums(t *testing.T, tally *sim.Tally) {
	a := sim.Aggregate(tally)
	if err := a.Err(); err != nil {
		t.Fatalf("loaded a tally whose sums are out of range: %v", err)
	}
	n := &a.Nation
	if n.Cast() < 0 || n.Valid < 0 || n.Registered < 0 || n.Units < 0 {
		t.Fatalf("negative national total: %+v", n.Totals)
	}
	for c := range n.Votes {
		if s := n.Share(c, sim.OfCast); s < 0 || s > 1 {
			t.Fatalf("share %v of candidate %d", s, c)
		}
	}
}

// FuzzMappingCSV loads arbitrary CSV with a fixed generic mapping.
func FuzzMappingCSV(f *testing.F) {
	m, err := load.ReadMapping(strings.NewReader(`{"levels": ["region", {"column": "code", "pad": 4, "slice": [0, 2]}], "unit": "unit", "registered": "reg", "valid": "valid", "null": "null", "candidates": ["a", "b"], "total": "total"}`), "m.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add([]byte("region,code,unit,reg,valid,null,a,b,total\nN,0101,1,100,60,1,20,30,60\nN,0102,2,\"1,000\",60,0,20,30,60\n"))
	f.Add([]byte("region;code;unit;reg;valid;null;a;b;total\nN;0101;1;100;60;1;20;30;60\n"))
	f.Add([]byte("region\tcode\tunit\treg\tvalid\tnull\ta\tb\ttotal\n\"N\"\"x\"\t1\t1\t\t5\t\t1\t2\t5\n"))
	// Issue #11: exact thousands, counts at and beyond the ceilings, a
	// state's totals repeated on several rows.
	f.Add([]byte("region;code;unit;reg;valid;null;a;b;total\nN;0101;1;;2.000;0;2.000;0;2.000\nN;0102;2;;3.000;0;3.000;0;3.000\n"))
	f.Add([]byte("region;code;unit;reg;valid;null;a;b;total\nN;0101;1;;;;999999999999999999;999999999999999999;\nN;0102;2;;;;1000000000000;0;1000000000000\n"))
	f.Add([]byte("region,code,unit,reg,valid,null,a,b,total\nA,0101,1,,343729,,189951,153778,359530\nA,0102,2,,343729,,189951,153778,359530\nA,0103,3,,343729,,189951,153778,359530\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tally, rep, err := load.Read(bytes.NewReader(data), load.Options{Name: "fuzz.csv", Mapping: m, Lenient: true})
		if err != nil {
			return
		}
		if verr := tally.Validate(); verr != nil {
			t.Fatalf("loaded an invalid tally: %v", verr)
		}
		if rep.Rows != rep.Loaded+len(rep.Skipped) {
			t.Fatalf("rows %d != loaded %d + skipped %d", rep.Rows, rep.Loaded, len(rep.Skipped))
		}
		for i := range tally.Units {
			u := &tally.Units[i]
			if u.Registered != -1 && u.Cast() > u.Registered {
				t.Fatalf("unit %s: %d votes cast above %d registered", u.ID, u.Cast(), u.Registered)
			}
		}
		checkSums(t, tally)
	})
}

// FuzzReadMapping parses arbitrary mapping files.
func FuzzReadMapping(f *testing.F) {
	f.Add([]byte(`{"levels": ["state", {"column": "c", "name": "n", "label": "county", "pad": 5}], "unit": "u", "candidates": ["a", {"column": "b", "name": "B", "party": "P"}], "expected": {"units": 3}}`))
	f.Add([]byte(`{"candidates": []}`))
	f.Add([]byte(`{"levels": [{"column": "x", "slice": [2, 1]}], "candidates": ["a"]}`))
	f.Add([]byte(`{"levels": ["d"], "unit": "u", "candidates": ["a", {"column": "a", "id": "a2"}]}`))
	f.Add([]byte(`{"candidates": ["a"], "valid": "v", "null": "v"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := load.ReadMapping(bytes.NewReader(data), "fuzz.json")
		if err != nil {
			return
		}
		if len(m.Candidates) == 0 {
			t.Fatal("accepted a mapping without candidates")
		}
		// A valid mapping must load a trivial file without panicking.
		_, _, _ = load.Read(strings.NewReader("a,b,c\n1,2,3\n"), load.Options{Name: "x.csv", Mapping: m, Lenient: true})
	})
}
