package forensics

import (
	"errors"
	"fmt"
	"sync"

	"github.com/tallyscope/tallyscope/sim"
)

// Options configures Run. The zero value runs every check with its
// defaults and seed 0.
type Options struct {
	// Seed seeds every random draw (bootstrap, Monte Carlo, model fit).
	Seed uint64
	// Candidates names the candidates whose shares are examined (IDs or
	// names). Empty means the leader of the data and the leader of each
	// claim, in that order, without repeats.
	Candidates []string
	// Level names the level whose regions get their own turnout–share rows
	// (empty: the top level).
	Level string
	// Denominator chooses what shares are a fraction of (valid votes).
	Denominator sim.Denominator
	// Bootstrap and Replicates override the digit tests' resamples and the
	// spike tests' Monte Carlo replicates (1000 each).
	Bootstrap  int
	Replicates int
	// SkipFit leaves out the Klimek model fit, the slowest check.
	SkipFit bool
}

// Skip records a check that was not run, and why. Check names the check
// (one of the Check… names), Subject the candidate or claim it was for
// ("" when it was for all), and Reason says why as a code for package
// i18n to word.
type Skip struct {
	Check   string   `json:"check"`
	Subject string   `json:"subject,omitempty"`
	Reason  sim.Note `json:"reason"`
}

// The checks a Skip can name.
const (
	CheckRoundness    = "roundness"
	CheckDigits       = "digits"
	CheckFingerprint  = "fingerprint"
	CheckKlimek       = "klimek"
	CheckSpikesTurn   = "spikes.turnout"
	CheckSpikesShare  = "spikes.share"
	CheckTurnoutShare = "turnout-share"
)

// reason gives the note of why a check failed: the code of a *sim.Error,
// or the error's own words ("error" with its text) for any other.
func reason(err error) sim.Note {
	var e *sim.Error
	if errors.As(err, &e) {
		return e.Note
	}
	return sim.NewNote("error", "", err.Error())
}

// ReportStatement opens every report.
const ReportStatement = "These are statistical checks, not verdicts. Each result states its null (what honest " +
	"counting would look like under a simple model) and how far the data sits from it; none is proof of fraud, " +
	"and none certifies a clean count. Unusual results are reasons to ask for the records behind the figures."

// Report gathers every check run on one tally.
type Report struct {
	Title     string `json:"title,omitempty"`
	Digest    string `json:"digest,omitempty"`
	Statement string `json:"statement"`
	// Units counts all units; SingleUnits those standing for one
	// reporting unit; WithRegistered the single units whose registered
	// voters are known.
	Units          int `json:"units"`
	SingleUnits    int `json:"single_units"`
	WithRegistered int `json:"with_registered"`
	// Candidates are the IDs of the candidates whose shares were examined.
	Candidates   []string              `json:"candidates"`
	Roundness    []*RoundReport        `json:"roundness,omitempty"`
	Fingerprints []*Histogram          `json:"fingerprints,omitempty"`
	Klimek       []*KlimekResult       `json:"klimek,omitempty"`
	SecondDigit  []SecondDigitTest     `json:"second_digit,omitempty"`
	LastDigit    []LastDigitTest       `json:"last_digit,omitempty"`
	Spikes       []*SpikeTest          `json:"spikes,omitempty"`
	TurnoutShare []*TurnoutShareResult `json:"turnout_share,omitempty"`
	// Skipped lists the checks that did not run, and why.
	Skipped []Skip `json:"skipped,omitempty"`
}

// Run runs every check on t. Checks that need registered voters are
// skipped, with the reason, when the tally has none; claims without a
// stated number of decimals are skipped by the roundness check. It fails
// only on an invalid tally or options.
func Run(t *sim.Tally, o Options) (*Report, error) {
	if err := checkTally(t); err != nil {
		return nil, err
	}
	r := &Report{Title: t.Title, Digest: t.Digest.String(), Statement: ReportStatement, Units: len(t.Units)}
	for i := range t.Units {
		if t.Units[i].Size() == 1 {
			r.SingleUnits++
			if t.Units[i].Registered != sim.Unknown {
				r.WithRegistered++
			}
		}
	}
	skip := func(check, subject string, err error) {
		r.Skipped = append(r.Skipped, Skip{Check: check, Subject: subject, Reason: reason(err)})
	}
	skipped := func(check, subject, code string) {
		r.Skipped = append(r.Skipped, Skip{Check: check, Subject: subject, Reason: sim.NewNote(code, t.UnitLevel)})
	}

	for i := range t.Claims {
		c := &t.Claims[i]
		rr, err := ClaimRoundness(c)
		if err != nil {
			skip(CheckRoundness, c.Label, err)
			continue
		}
		r.Roundness = append(r.Roundness, rr)
	}

	focus, err := focusCandidates(t, o.Candidates)
	if err != nil {
		return nil, err
	}
	for _, c := range t.Candidates {
		if c.Aggregate {
			skipped(CheckDigits, c.Label(), "forensics.lumped")
		}
	}

	// The digit tests, the slowest part on large tallies, run beside the
	// other checks. Every check draws from its own seeded stream, so the
	// report is the same whatever the scheduling.
	var digitsErr error
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		do := DigitOptions{Seed: o.Seed, Bootstrap: o.Bootstrap}
		r.SecondDigit, r.LastDigit, digitsErr = digitTests(t, do, true, true)
	}()
	defer wg.Wait()
	for _, c := range focus {
		r.Candidates = append(r.Candidates, t.Candidates[c].ID)
	}

	turnout := t.HasRegistered()
	if turnout {
		ts, err := TurnoutSpikes(t, SpikeOptions{Seed: o.Seed, Replicates: o.Replicates})
		if err != nil {
			skip(CheckSpikesTurn, "", err)
		} else {
			r.Spikes = append(r.Spikes, ts)
		}
	} else {
		skipped(CheckFingerprint, "", "forensics.no-turnout")
		skipped(CheckKlimek, "", "forensics.no-turnout.klimek")
		skipped(CheckSpikesTurn, "", "forensics.no-turnout")
		skipped(CheckTurnoutShare, "", "forensics.no-turnout")
	}
	for _, c := range focus {
		id := t.Candidates[c].ID
		ss, err := ShareSpikes(t, SpikeOptions{Seed: o.Seed, Replicates: o.Replicates, Candidate: id, Denominator: o.Denominator})
		if err != nil {
			skip(CheckSpikesShare, id, err)
		} else {
			r.Spikes = append(r.Spikes, ss)
		}
		if !turnout {
			continue
		}
		fp, err := Fingerprint(t, FingerprintOptions{Candidate: id, Denominator: o.Denominator})
		if err != nil {
			skip(CheckFingerprint, id, err)
		} else {
			r.Fingerprints = append(r.Fingerprints, fp)
		}
		if o.SkipFit {
			skipped(CheckKlimek, id, "forensics.not-requested")
		} else if kf, err := KlimekFit(t, KlimekOptions{Seed: o.Seed, Candidate: id}); err != nil {
			skip(CheckKlimek, id, err)
		} else {
			r.Klimek = append(r.Klimek, kf)
		}
		tsr, err := TurnoutShare(t, TurnoutShareOptions{Candidate: id, Denominator: o.Denominator, Level: o.Level})
		if err != nil {
			if errors.Is(err, sim.ErrUnknownLevel) || errors.Is(err, ErrInput) {
				return nil, err
			}
			skip(CheckTurnoutShare, id, err)
		} else {
			r.TurnoutShare = append(r.TurnoutShare, tsr)
		}
	}

	wg.Wait()
	if digitsErr != nil {
		return nil, digitsErr
	}
	return r, nil
}

// focusCandidates resolves names, or picks the data's leader and each
// claim's leader.
// lumpedReason says why a lump of several candidates is not examined.
const lumpedReason = "adds up several candidates, so its counts are sums, not one candidate's; the checks examine single candidates"

func focusCandidates(t *sim.Tally, names []string) ([]int, error) {
	var out []int
	add := func(c int) {
		for _, x := range out {
			if x == c {
				return
			}
		}
		out = append(out, c)
	}
	if len(names) > 0 {
		for _, n := range names {
			c, err := t.Candidate(n)
			if err != nil {
				return nil, err
			}
			if t.Candidates[c].Aggregate {
				return nil, fmt.Errorf("%w: %s %s", ErrInput, t.Candidates[c].Label(), lumpedReason)
			}
			add(c)
		}
		return out, nil
	}
	add(leader(t))
	for _, cl := range t.Claims {
		best, bestVotes := -1, int64(-1)
		for _, v := range cl.Votes {
			if v.Votes > bestVotes {
				if c, err := t.Candidate(v.Candidate); err == nil && !t.Candidates[c].Aggregate {
					best, bestVotes = c, v.Votes
				}
			}
		}
		if best >= 0 {
			add(best)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%w: no candidate to examine", ErrInput)
	}
	return out, nil
}
