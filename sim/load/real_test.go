package load_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tallyscope/tallyscope/internal/shareddata"
	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/load"
)

const (
	v1Path = "venezuela-2024/RESULTADOS_2024_CSV_V1.csv"
	v2Path = "venezuela-2024/RESULTADOS_2024_CSV_V2.csv"
	qrPath = "venezuela-2024/vzlapi_qr_actas.csv"
)

func readReal(t *testing.T, rel string) (*sim.Tally, *load.Report) {
	t.Helper()
	tally, rep, err := load.Read(shareddata.Open(t, rel), load.Options{Name: rel})
	require.NoError(t, err, rel)
	require.Empty(t, rep.Skipped, rel)
	return tally, rep
}

func candidate(t *testing.T, tally *sim.Tally, name string) int {
	t.Helper()
	i, err := tally.Candidate(name)
	require.NoError(t, err)
	return i
}

func TestV2NationalTotals(t *testing.T) {
	tally, rep := readReal(t, v2Path)
	assert.Contains(t, rep.Format, "V2")
	assert.Equal(t, "296d35bbda1d6bd12e7011ed93da1973a3f22beb73cc05dbb0554efc31b2deaa", tally.Digest.String())
	assert.Contains(t, rep.Guesses[0], "Latin-1")
	a := sim.Aggregate(tally)
	n := &a.Nation
	assert.Equal(t, int64(25073), n.Units)
	assert.Equal(t, int64(7303480), n.Votes[candidate(t, tally, "EG")])
	assert.Equal(t, int64(3316142), n.Votes[candidate(t, tally, "Maduro")])
	assert.Equal(t, int64(10887262), n.Valid)
	assert.Equal(t, int64(1213), n.Null)
	assert.Equal(t, int64(0), n.RegisteredUnits, "V2 has no registered voters")
	_, ok := n.Turnout()
	assert.False(t, ok)
	cov, ok := n.Coverage().UnitsFraction()
	require.True(t, ok)
	assert.InDelta(t, 0.8350, cov, 0.00005)
	assert.InDelta(t, 0.6708, n.Share(0, sim.OfValid), 0.00005)
	assert.InDelta(t, 0.3046, n.Share(1, sim.OfValid), 0.00005)
	lead, run, tie := n.Leader()
	assert.Equal(t, []any{0, 1, false}, []any{lead, run, tie})
	mv, mpp := n.Margin(0, 1, sim.OfValid)
	assert.Equal(t, int64(7303480-3316142), mv)
	assert.InDelta(t, 36.62, mpp, 0.005)
	// Hierarchy sizes from the data README.
	for l, want := range []int{24, 328, 1090, 13110} {
		assert.Len(t, a.Level(l), want, "level %s", tally.Levels[l])
	}
	// A name with Ñ survives the Latin-1 decoding.
	found := false
	for _, r := range tally.Regions {
		if r.Name == "PQ. CAÑADA DE URDANETA" || bytes.Contains([]byte(r.Name), []byte("Ñ")) {
			found = true
		}
	}
	assert.True(t, found, "a region name with Ñ decoded from Latin-1")
	// Centre codes are padded to 9 digits and the scan URL is kept.
	u := tally.Units[0]
	assert.Equal(t, "010101001.01", u.ID)
	assert.Equal(t, "010101001", tally.Regions[u.Region].Key)
	assert.Equal(t, "https://static.resultadosconvzla.com/408106_205969_0184Acta0184.jpg", u.Source)
}

// TestV2States checks the 24 state rows of the data README, by code; the
// built-in mapping names each state ("EDO.NVA.ESPARTA" is Nueva Esparta).
func TestV2States(t *testing.T) {
	tally, _ := readReal(t, v2Path)
	a := sim.Aggregate(tally)
	want := []struct {
		code, name        string
		actas, eg, nm, va int64
	}{
		{"1", "Distrito Capital", 1685, 505956, 256288, 789877},
		{"2", "Anzoátegui", 1339, 420436, 194786, 632190},
		{"3", "Apure", 537, 134935, 75297, 214315},
		{"4", "Aragua", 1509, 487938, 212285, 723599},
		{"5", "Barinas", 962, 282585, 90236, 379383},
		{"6", "Bolívar", 1161, 343845, 126557, 482762},
		{"7", "Carabobo", 1383, 466744, 175133, 661107},
		{"8", "Cojedes", 416, 109083, 60242, 173610},
		{"9", "Falcón", 1106, 301236, 114586, 425682},
		{"10", "Guárico", 757, 220995, 116636, 345187},
		{"11", "Lara", 1616, 496527, 214692, 729651},
		{"12", "Mérida", 910, 303767, 84482, 395027},
		{"13", "Miranda", 2227, 650242, 310809, 991534},
		{"14", "Monagas", 767, 201689, 125364, 334148},
		{"15", "Nueva Esparta", 511, 152448, 71115, 229621},
		{"16", "Portuguesa", 984, 281482, 147673, 439448},
		{"17", "Sucre", 1042, 220214, 209600, 440204},
		{"18", "Táchira", 1229, 398690, 79224, 486851},
		{"19", "Trujillo", 909, 222227, 119730, 347602},
		{"20", "Yaracuy", 691, 180683, 109678, 297973},
		{"21", "Zulia", 2721, 766915, 321797, 1105158},
		{"22", "Amazonas", 108, 27219, 17374, 45792},
		{"23", "Delta Amacuro", 176, 30074, 24797, 56273},
		{"24", "La Guaira", 327, 97550, 57761, 160268},
	}
	states := a.Level(0)
	require.Len(t, states, len(want))
	for i, w := range want {
		r := a.Result(states[i])
		reg := tally.Regions[states[i]]
		assert.Equal(t, w.code, reg.Key)
		assert.Equal(t, w.name, reg.Name)
		assert.Equal(t, []int64{w.actas, w.eg, w.nm, w.va}, []int64{r.Units, r.Votes[0], r.Votes[1], r.Valid}, w.name)
		lead, _, _ := r.Leader()
		assert.Equal(t, 0, lead, "González leads in every state (%s)", w.name)
	}
}

func TestV1RegisteredAndTurnout(t *testing.T) {
	tally, rep := readReal(t, v1Path)
	assert.Contains(t, rep.Format, "V1")
	assert.Contains(t, rep.Guesses[0], "byte-order mark")
	a := sim.Aggregate(tally)
	n := &a.Nation
	assert.Equal(t, int64(24532), n.Units)
	assert.Equal(t, int64(17745239), n.Registered)
	assert.Equal(t, int64(7156462), n.Votes[0])
	assert.Equal(t, int64(3241461), n.Votes[1])
	assert.Equal(t, int64(10659128), n.Valid)
	assert.Equal(t, int64(1139), n.Null)
	assert.Equal(t, int64(10660267), n.Cast())
	turnout, ok := n.Turnout()
	require.True(t, ok)
	assert.InDelta(t, 0.6007, turnout, 0.00005)
	cov, _ := n.Coverage().UnitsFraction()
	assert.InDelta(t, 0.8170, cov, 0.00005)
	for l, want := range []int{24, 326, 1072, 12817} {
		assert.Len(t, a.Level(l), want, "level %s", tally.Levels[l])
	}
}

func TestJoinRegisteredV1OntoV2(t *testing.T) {
	v1, _ := readReal(t, v1Path)
	v2, _ := readReal(t, v2Path)
	assert.Equal(t, 24530, load.JoinRegistered(v2, v1))
	a := sim.Aggregate(v2)
	assert.Equal(t, int64(17743433), a.Nation.Registered)
	assert.Equal(t, int64(24530), a.Nation.RegisteredUnits)
	turnout, _ := a.Nation.Turnout()
	assert.InDelta(t, 0.6008, turnout, 0.00005)
}

// TestQRAgainstV2 repeats the README's cross-check: 21,930 of the 21,952
// QR actas match V2 on all ten candidates, 7 differ slightly, 15 are not
// in V2.
func TestQRAgainstV2(t *testing.T) {
	qr, rep := readReal(t, qrPath)
	assert.Contains(t, rep.Format, "QR")
	v2, _ := readReal(t, v2Path)
	a := sim.Aggregate(qr)
	assert.Equal(t, int64(21952), a.Nation.Units)
	assert.Equal(t, int64(6392350), a.Nation.Votes[0])
	assert.Equal(t, int64(2891553), a.Nation.Votes[1])
	assert.Equal(t, int64(9515322), a.Nation.Valid)
	assert.Equal(t, "Distrito Capital", qr.Regions[a.Level(0)[0]].Name)
	assert.Equal(t, "Nueva Esparta", qr.Regions[a.Level(0)[14]].Name)
	byID := map[string]*sim.Unit{}
	for i := range v2.Units {
		byID[v2.Units[i].ID] = &v2.Units[i]
	}
	same, differ, missing := 0, 0, 0
	for i := range qr.Units {
		u := &qr.Units[i]
		w, ok := byID[u.ID]
		switch {
		case !ok:
			missing++
		case assert.ObjectsAreEqual(u.Votes, w.Votes):
			same++
		default:
			differ++
		}
	}
	assert.Equal(t, []int{21930, 7, 15}, []int{same, differ, missing})
}

func TestUSCounty(t *testing.T) {
	for _, tc := range []struct {
		file          string
		rows          int64
		dem, gop, all int64
		gopCounties   int
	}{
		{"us-county/2024_US_County_Level_Presidential_Results.csv", 3160, 75006739, 77294799, 154863739, 2685},
		{"us-county/2020_US_County_Level_Presidential_Results.csv", 3152, 81264994, 74208196, 158433557, 2595},
	} {
		t.Run(tc.file, func(t *testing.T) {
			tally, _ := readReal(t, tc.file)
			a := sim.Aggregate(tally)
			n := &a.Nation
			assert.Equal(t, tc.rows, n.Units)
			assert.Equal(t, tc.dem, n.Votes[candidate(t, tally, "dem")])
			assert.Equal(t, tc.gop, n.Votes[candidate(t, tally, "Republican")])
			assert.Equal(t, tc.all, n.Valid, "third parties are total - dem - gop")
			assert.Len(t, a.Level(0), 51, "50 states and DC")
			assert.Equal(t, "01001", tally.Units[0].ID, "FIPS kept as text")
			assert.Equal(t, "Autauga County", tally.Units[0].Name)
			// "Counties won by GOP" in the README compares gop with dem.
			gopWon := 0
			for i := range tally.Units {
				if v := tally.Units[i].Votes; v[1] > v[0] {
					gopWon++
				}
			}
			assert.Equal(t, tc.gopCounties, gopWon)
		})
	}
}

func TestJSONRoundTripOfRealData(t *testing.T) {
	v1, _ := readReal(t, v1Path)
	var buf bytes.Buffer
	require.NoError(t, load.WriteJSON(&buf, v1))
	back, rep, err := load.Read(&buf, load.Options{Name: "v1.json"})
	require.NoError(t, err)
	assert.Contains(t, rep.Format, "Tallyscope JSON")
	back.Digest = v1.Digest
	assert.Equal(t, v1, back)
}
