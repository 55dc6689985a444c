package forensics_test

import (
	"fmt"

	"github.com/tallyscope/tallyscope/sim/forensics"
	"github.com/tallyscope/tallyscope/sim/synth"
)

// A synthetic country where 5% of the tables were stuffed to nearly 100%
// turnout for candidate A: the fingerprint's high corner shows them.
func ExampleFingerprint() {
	fair, _ := synth.Generate(synth.Config{Seed: 1, Units: 5000})
	stuffed, _ := synth.Generate(synth.Config{Seed: 1, Units: 5000, Extreme: 0.05})
	for _, e := range []*synth.Election{fair, stuffed} {
		h, _ := forensics.Fingerprint(e.Tally, forensics.FingerprintOptions{Candidate: "A"})
		fmt.Printf("%d tables, %d with turnout and share of A both at least 95%%\n", h.Units, h.CornerUnits)
	}
	// Output:
	// 5000 tables, 0 with turnout and share of A both at least 95%
	// 5000 tables, 241 with turnout and share of A both at least 95%
}
