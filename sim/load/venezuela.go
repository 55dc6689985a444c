package load

import (
	"github.com/tallyscope/tallyscope/sim"
)

// venezuelaCandidates are the ten candidates of 28 July 2024, in the order
// of the opposition's exports, with the column of each in the QR file.
var venezuelaCandidates = []struct {
	id, qr, name, party string
}{
	{"EG", "Gonzalez", "Edmundo González Urrutia", "Plataforma Unitaria (MUD)"},
	{"NM", "Maduro", "Nicolás Maduro Moros", "Gran Polo Patriótico (PSUV)"},
	{"LM", "Martinez", "Luis Eduardo Martínez", "AD (Bernabé Gutiérrez)"},
	{"JABE", "Bertucci", "Javier Bertucci", "El Cambio"},
	{"JOBR", "Brito", "José Brito", "Primero Venezuela"},
	{"AE", "Ecarri", "Antonio Ecarri", "Alianza del Lápiz"},
	{"CF", "Fermin", "Claudio Fermín", "Soluciones para Venezuela"},
	{"DC", "Ceballos", "Daniel Ceballos", "AREPA"},
	{"EM", "Marquez", "Enrique Márquez", "Centrados"},
	{"BERA", "Rausseo", "Benjamín Rausseo", "CONDE"},
}

// venezuelaStates names the CNE's state codes, as the acta exports write
// them, for files that carry only codes (the QR file).
var venezuelaStates = map[string]string{
	"01": "DTTO. CAPITAL", "02": "EDO. ANZOATEGUI", "03": "EDO. APURE", "04": "EDO. ARAGUA",
	"05": "EDO. BARINAS", "06": "EDO. BOLIVAR", "07": "EDO. CARABOBO", "08": "EDO. COJEDES",
	"09": "EDO. FALCON", "10": "EDO. GUARICO", "11": "EDO. LARA", "12": "EDO. MERIDA",
	"13": "EDO. MIRANDA", "14": "EDO. MONAGAS", "15": "EDO.NVA.ESPARTA", "16": "EDO. PORTUGUESA",
	"17": "EDO. SUCRE", "18": "EDO. TACHIRA", "19": "EDO. TRUJILLO", "20": "EDO. YARACUY",
	"21": "EDO. ZULIA", "22": "EDO. AMAZONAS", "23": "EDO. DELTA AMAC", "24": "EDO. LA GUAIRA",
}

const (
	venezuelaTitle  = "Venezuela, presidential election, 28 July 2024"
	venezuelaSource = "Opposition-collected tally sheets (actas), resultadosconvzla.com"
	// VenezuelaTables is the number of polling tables (mesas) the
	// opposition's site counted nationally.
	VenezuelaTables = 30026
	// VenezuelaRegistered is the definitive electoral registry (Gaceta
	// Electoral No. 1057, 1 June 2024).
	VenezuelaRegistered = 21392464
)

// venezuelaActaMapping describes the V1 and V2 exports.
func venezuelaActaMapping(withRE bool) *Mapping {
	m := &Mapping{
		Title: venezuelaTitle,
		Levels: []LevelSpec{
			{Column: "COD_EDO", Name: "EDO", Label: "state"},
			{Column: "COD_MUN", Name: "MUN", Label: "municipality"},
			{Column: "COD_PAR", Name: "PAR", Label: "parish"},
			{Column: "CENTRO", Label: "centre", Pad: 9},
		},
		UnitLevel:     "table",
		Unit:          "MESA",
		UnitPad:       2,
		UnitQualified: true,
		Valid:         "VOTOS_VALIDOS",
		Null:          "VOTOS_NULOS",
		Source:        "URL",
	}
	if withRE {
		m.Registered = "RE"
	}
	for _, c := range venezuelaCandidates {
		m.Candidates = append(m.Candidates, CandidateSpec{Column: c.id, ID: c.id, Name: c.name, Party: c.party})
	}
	return m
}

// venezuelaQRMapping describes the QR-decoded file, whose Acta id packs the
// centre code (state, municipality, parish, centre) and the table number.
func venezuelaQRMapping() *Mapping {
	m := &Mapping{
		Title: venezuelaTitle,
		Levels: []LevelSpec{
			{Column: "Acta", Label: "state", Slice: []int{0, 2}},
			{Column: "Acta", Label: "municipality", Slice: []int{0, 4}},
			{Column: "Acta", Label: "parish", Slice: []int{0, 6}},
			{Column: "Acta", Label: "centre", Slice: []int{0, 9}},
		},
		UnitLevel:     "table",
		Unit:          "Acta",
		UnitSlice:     []int{10, 12},
		UnitQualified: true,
	}
	for _, c := range venezuelaCandidates {
		m.Candidates = append(m.Candidates, CandidateSpec{Column: c.qr, ID: c.id, Name: c.name, Party: c.party})
	}
	return m
}

// addVenezuelaContext records what is known beyond the file: the national
// number of tables and registered voters, and the CNE's two bulletins.
func addVenezuelaContext(t *sim.Tally, qr bool) {
	t.Source = venezuelaSource
	t.Expected = append(t.Expected, sim.Expectation{
		Region: -1, Units: VenezuelaTables, Registered: VenezuelaRegistered,
		Source: "tables: resultadosconvzla.com; registered voters: CNE definitive registry, Gaceta Electoral No. 1057",
	})
	t.Claims = append(t.Claims, VenezuelaClaims()...)
	if qr {
		for i := range t.Regions {
			r := &t.Regions[i]
			if r.Level == 0 {
				if n, ok := venezuelaStates[r.Key]; ok {
					r.Name = n
				}
			}
		}
	}
}

// VenezuelaClaims returns the CNE's two national bulletins.
func VenezuelaClaims() []sim.Claim {
	return []sim.Claim{
		{
			Label:  "CNE 1st bulletin",
			Date:   "2024-07-29",
			Source: "CNE president Elvis Amoroso, broadcast just after midnight, 29 July 2024",
			Votes: []sim.ClaimVote{
				{Candidate: "NM", Votes: 5150092},
				{Candidate: "EG", Votes: 4445978},
			},
			Others:   462704,
			Valid:    sim.Unknown,
			Null:     sim.Unknown,
			Reported: 0.80,
			Turnout:  0.59,
			Decimals: 1,
		},
		{
			Label:  "CNE 2nd bulletin",
			Date:   "2024-08-02",
			Source: "CNE president Elvis Amoroso, 2 August 2024",
			Votes: []sim.ClaimVote{
				{Candidate: "NM", Votes: 6408844},
				{Candidate: "EG", Votes: 5326104},
				{Candidate: "LM", Votes: 152360},
				{Candidate: "AE", Votes: 116421},
				{Candidate: "BERA", Votes: 92903},
				{Candidate: "JOBR", Votes: 84231},
				{Candidate: "JABE", Votes: 64452},
				{Candidate: "CF", Votes: 40902},
				{Candidate: "EM", Votes: 29611},
				{Candidate: "DC", Votes: 20056},
			},
			Others:   0,
			Valid:    12335884,
			Null:     50785,
			Reported: 0.9687,
			Turnout:  0.5997,
			Decimals: 2,
		},
	}
}

// usCountyMapping describes the county-level presidential results.
func usCountyMapping() *Mapping {
	return &Mapping{
		Title:     "United States, presidential election, results by county",
		Levels:    []LevelSpec{{Column: "state_name", Label: "state"}},
		UnitLevel: "county",
		Unit:      "county_fips",
		Name:      "county_name",
		Candidates: []CandidateSpec{
			{Column: "votes_dem", ID: "dem", Name: "Democratic", Party: "Democratic Party"},
			{Column: "votes_gop", ID: "gop", Name: "Republican", Party: "Republican Party"},
		},
		Total:  "total_votes",
		Others: &CandidateSpec{ID: "other", Name: "Other candidates"},
	}
}
