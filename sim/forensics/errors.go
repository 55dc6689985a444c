package forensics

import "errors"

// Errors returned by the checks.
var (
	// ErrInput reports arguments that the check cannot use.
	ErrInput = errors.New("forensics: invalid input")
	// ErrNoUnits reports that no unit qualifies for a check.
	ErrNoUnits = errors.New("forensics: no units qualify")
	// ErrNeedsTurnout reports that a check needs registered voters and the
	// tally has none.
	ErrNeedsTurnout = errors.New("forensics: the check needs registered voters")
)
