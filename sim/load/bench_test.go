package load_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/tallyscope/tallyscope/internal/shareddata"
	"github.com/tallyscope/tallyscope/sim"
	"github.com/tallyscope/tallyscope/sim/load"
)

func readShared(b *testing.B, rel string) []byte {
	data, err := os.ReadFile(shareddata.Path(b, rel))
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// BenchmarkLoadV2 loads and validates the V2 export from memory.
func BenchmarkLoadV2(b *testing.B) {
	data := readShared(b, "venezuela-2024/RESULTADOS_2024_CSV_V2.csv")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := load.Read(bytes.NewReader(data), load.Options{Name: "V2"}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRepeatedVotesV2 is the part of BenchmarkLoadV2 that looks
// for vote vectors repeated within a region (issue #11); compare the two
// measured in one run.
func BenchmarkRepeatedVotesV2(b *testing.B) {
	data := readShared(b, "venezuela-2024/RESULTADOS_2024_CSV_V2.csv")
	t, _, err := load.Read(bytes.NewReader(data), load.Options{Name: "V2"})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if len(load.RepeatedVotes(t)) != 0 {
			b.Fatal("V2 has no repeated results")
		}
	}
}

// BenchmarkAggregateV2 sums V2 into every region at all four levels.
func BenchmarkAggregateV2(b *testing.B) {
	data := readShared(b, "venezuela-2024/RESULTADOS_2024_CSV_V2.csv")
	t, _, err := load.Read(bytes.NewReader(data), load.Options{Name: "V2"})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		sim.Aggregate(t)
	}
}

// BenchmarkAggregateV2Ordered aggregates V2 and then lists every level's
// regions in key order (Aggregation.Level), as the summary and the charts
// do on a fresh aggregation.
func BenchmarkAggregateV2Ordered(b *testing.B) {
	data := readShared(b, "venezuela-2024/RESULTADOS_2024_CSV_V2.csv")
	t, _, err := load.Read(bytes.NewReader(data), load.Options{Name: "V2"})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		a := sim.Aggregate(t)
		for l := range t.Levels {
			a.Level(l)
		}
	}
}

// BenchmarkAggregateV2Reuse re-aggregates V2 into the memory of the
// previous aggregation, as a program that re-aggregates after every
// change would.
func BenchmarkAggregateV2Reuse(b *testing.B) {
	data := readShared(b, "venezuela-2024/RESULTADOS_2024_CSV_V2.csv")
	t, _, err := load.Read(bytes.NewReader(data), load.Options{Name: "V2"})
	if err != nil {
		b.Fatal(err)
	}
	a := sim.Aggregate(t)
	b.ReportAllocs()
	for b.Loop() {
		a = sim.AggregateInto(a, t)
	}
}

// BenchmarkDigestV2 is what naming V2 by its sha256 costs, paid the first
// time a scenario, a chart or the summary asks for Tally.Digest.
func BenchmarkDigestV2(b *testing.B) {
	data := readShared(b, "venezuela-2024/RESULTADOS_2024_CSV_V2.csv")
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if sim.NewDigest(data).String() == "" {
			b.Fatal("no digest")
		}
	}
}
