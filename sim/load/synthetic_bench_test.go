package load_test

import (
	"bufio"
	"bytes"
	"math/rand/v2"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"

	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/load"
)

// syntheticCSV writes n units in 20 states × 50 districts × 100 wards with
// registered voters, valid and null votes and four candidates, as a
// national statistics office might publish them.
func syntheticCSV(n int) []byte {
	var buf bytes.Buffer
	buf.Grow(n * 48)
	w := bufio.NewWriter(&buf)
	w.WriteString("state,district,ward,unit,registered,valid,null,A,B,C,D\n")
	r := rand.New(rand.NewPCG(1, 2))
	per := max(n/(20*50*100), 1)
	for i := 0; i < n; i++ {
		ward := i / per
		reg := 300 + r.IntN(900)
		a, b, c, d := r.IntN(reg/3), r.IntN(reg/3), r.IntN(reg/10), r.IntN(reg/20)
		null := r.IntN(5)
		for _, f := range []int{ward / 5000 % 20, ward / 100 % 50, ward % 100, i} {
			w.WriteString(strconv.Itoa(f))
			w.WriteByte(',')
		}
		for j, f := range []int{reg, a + b + c + d, null, a, b, c, d} {
			if j > 0 {
				w.WriteByte(',')
			}
			w.WriteString(strconv.Itoa(f))
		}
		w.WriteByte('\n')
	}
	w.Flush()
	return buf.Bytes()
}

const syntheticMapping = `{"levels": ["state", "district", "ward"], "unit": "unit", "registered": "registered", "valid": "valid", "null": "null", "candidates": ["A", "B", "C", "D"]}`

// peakRSS returns the process's peak resident memory in bytes (Linux).
func peakRSS() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			f := strings.Fields(line)
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb * 1024
		}
	}
	return 0
}

// BenchmarkSynthetic1M loads, validates and aggregates a synthetic tally of
// 1,000,000 units from CSV in memory. It reports the process's peak
// resident memory, which includes the 54 MB CSV itself; run it alone
// (-bench Synthetic1M -benchtime 1x) for a meaningful peak.
func BenchmarkSynthetic1M(b *testing.B) {
	data := syntheticCSV(1_000_000)
	m, err := load.ReadMapping(strings.NewReader(syntheticMapping), "m.json")
	if err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	debug.FreeOSMemory()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		t, _, err := load.Read(bytes.NewReader(data), load.Options{Name: "synthetic.csv", Mapping: m})
		if err != nil {
			b.Fatal(err)
		}
		a := sim.Aggregate(t)
		if a.Nation.Units != 1_000_000 {
			b.Fatalf("units %d", a.Nation.Units)
		}
	}
	b.ReportMetric(peakRSS()/(1<<20), "peak-RSS-MB")
	b.ReportMetric(float64(len(data))/(1<<20), "csv-MB")
}

func TestSyntheticCSVLoads(t *testing.T) {
	data := syntheticCSV(20_000)
	m, err := load.ReadMapping(strings.NewReader(syntheticMapping), "m.json")
	if err != nil {
		t.Fatal(err)
	}
	tally, rep, err := load.Read(bytes.NewReader(data), load.Options{Name: "synthetic.csv", Mapping: m})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Loaded != 20_000 || len(tally.Levels) != 3 {
		t.Fatalf("loaded %d units, %d levels", rep.Loaded, len(tally.Levels))
	}
}
