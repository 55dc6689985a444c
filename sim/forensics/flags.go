package forensics

import "math"

// Thresholds at which Report.Flags marks a check. They are strict on
// purpose: a report runs several checks on several candidates, and a flag
// should be rare in an honest count (on the clean mystery elections of
// package synth, see mystery_test.go).
const (
	// FlagP is the p-value under which a digit or spike test is flagged.
	FlagP = 0.001
	// FlagSlopeZ is the number of standard errors by which the
	// turnout–share slope must exceed the share to be flagged (one-sided:
	// only extra votes going to the candidate).
	FlagSlopeZ = 3.0
)

// The checks a Flag can name.
const (
	FlagSlope       = "turnout_share_slope"
	FlagLastDigit   = "last_digit"
	FlagSecondDigit = "second_digit"
	FlagSpikes      = "spikes"
)

// Flag is one check whose result is further from its null than the
// threshold. It is a reason to look at the records, not a finding of
// fraud: every check's caveat still applies.
type Flag struct {
	Check       string `json:"check"`
	CandidateID string `json:"candidate_id,omitempty"`
	// Quantity names what a spike test counted ("turnout", "share").
	Quantity string `json:"quantity,omitempty"`
	// Value is the statistic (a p-value, or the slope's z), Threshold the
	// value it passed.
	Value     float64 `json:"value"`
	Threshold float64 `json:"threshold"`
}

// Flags lists the checks of r that pass their thresholds: the
// turnout–share slope above the share by FlagSlopeZ standard errors
// nationally, and the digit and spike tests with p < FlagP. The digit
// tests use the binomial null where the report has it, the null that
// allows for small counts. The Klimek fit is not flagged: its fair model
// is a smooth bell, and a real (or regionally varied) distribution can
// depart from it with no fraud; read it with its Fits statement.
func (r *Report) Flags() []Flag {
	var out []Flag
	for _, ts := range r.TurnoutShare {
		if z := ts.National.SlopeZ; z > FlagSlopeZ {
			out = append(out, Flag{Check: FlagSlope, CandidateID: ts.CandidateID, Value: z, Threshold: FlagSlopeZ})
		}
	}
	low := func(p float64) bool { return !math.IsNaN(p) && p < FlagP }
	for _, d := range r.LastDigit {
		p := d.PValue
		if d.Binomial != nil {
			p = d.Binomial.PValue
		}
		if low(p) {
			out = append(out, Flag{Check: FlagLastDigit, CandidateID: d.CandidateID, Value: p, Threshold: FlagP})
		}
	}
	for _, d := range r.SecondDigit {
		p := d.PValue
		if d.Binomial != nil {
			p = d.Binomial.PValue
		}
		if low(p) {
			out = append(out, Flag{Check: FlagSecondDigit, CandidateID: d.CandidateID, Value: p, Threshold: FlagP})
		}
	}
	for _, s := range r.Spikes {
		if low(s.PValue) {
			out = append(out, Flag{Check: FlagSpikes, CandidateID: s.CandidateID, Quantity: s.Quantity, Value: s.PValue, Threshold: FlagP})
		}
	}
	return out
}
