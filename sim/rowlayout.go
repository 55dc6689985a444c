package sim

// presence says in which units an optional count (null votes, blank
// votes, registered voters) is known.
type presence uint8

const (
	knownNone presence = iota
	knownAll
	knownSome
)

// cover reports whether sums laid out for k can hold units seen as s.
func (k presence) cover(s presence) bool {
	return k == knownSome || k == s
}

// seen is what a pass over units saw: for each optional count, whether
// some unit knew it and whether some did not.
type seen uint8

const (
	nullKnown seen = 1 << iota
	nullUnknown
	blankKnown
	blankUnknown
	registeredKnown
	registeredUnknown
	// outOfRange: some count lay outside the ceilings.
	outOfRange
)

func (s seen) known(isKnown, isUnknown seen) presence {
	switch {
	case s&isKnown == 0:
		return knownNone
	case s&isUnknown == 0:
		return knownAll
	}
	return knownSome
}

// layout places the sums of a region in its row: the units first, then
// only the optional counts that some unit knows, then the votes per
// candidate. A count known in every unit needs no column for how many
// units know it (that is Units), and the votes cast where registered
// voters are known are then all votes cast; valid votes are always the
// sum of the candidates' votes. For V2, which has null votes but neither
// blank votes nor registered voters, a row is 12 integers instead of 19,
// and aggregating reads and writes a third less memory.
type layout struct {
	null, blank, registered presence
	// Column of each sum, or -1 when it is not stored.
	cNull, cNullUnits, cBlank, cBlankUnits, cReg, cRegUnits, cCastReg int
	votes, width                                                      int
	// lumped is Tally.Lumped, copied into every Totals.
	lumped []bool
}

func newLayout(nc int, null, blank, registered presence) layout {
	l := layout{null: null, blank: blank, registered: registered, cNull: -1, cNullUnits: -1, cBlank: -1, cBlankUnits: -1, cReg: -1, cRegUnits: -1, cCastReg: -1}
	w := 1 // Units
	col := func() int { w++; return w - 1 }
	if null != knownNone {
		l.cNull = col()
	}
	if null == knownSome {
		l.cNullUnits = col()
	}
	if blank != knownNone {
		l.cBlank = col()
	}
	if blank == knownSome {
		l.cBlankUnits = col()
	}
	if registered != knownNone {
		l.cReg = col()
	}
	if registered == knownSome {
		l.cRegUnits = col()
		l.cCastReg = col()
	}
	l.votes = w
	l.width = w + nc
	return l
}

// add adds one unit's counts to a row, and says what it saw.
func (l *layout) add(row []int64, u *Unit) seen {
	n := u.Size()
	votes := row[l.votes:]
	votes = votes[:len(u.Votes)]
	var valid, bits int64
	for i, v := range u.Votes {
		votes[i] += v
		valid += v
		bits |= v
	}
	row[0] += n
	cast := valid
	var s seen
	if addCount(row, u.Null, n, l.cNull, l.cNullUnits) {
		s |= nullKnown
		cast += u.Null
	} else {
		s |= nullUnknown
	}
	if addCount(row, u.Blank, n, l.cBlank, l.cBlankUnits) {
		s |= blankKnown
		cast += u.Blank
	} else {
		s |= blankUnknown
	}
	if addCount(row, u.Registered, n, l.cReg, l.cRegUnits) {
		s |= registeredKnown
		if l.cCastReg >= 0 {
			row[l.cCastReg] += cast
		}
	} else {
		s |= registeredUnknown
	}
	// A quick screen for the ceilings: every count below 2^39 (and Count
	// below 2^29) passes, since their bits then stay below 2^39; a negative
	// count sets the top bit (Unknown, -1, becomes 0 first); Count itself
	// catches a large Count whose shift overflows. Anything else, rare,
	// gets the exact test.
	bits |= (u.Null + 1) | (u.Blank + 1) | (u.Registered + 1) | u.Count | u.Count<<10 | cast
	if uint64(bits) >= 1<<39 && !unitInRange(u) {
		s |= outOfRange
	}
	return s
}

// addCount adds an optional count v of a unit standing for n units to
// the row's columns for its sum and for how many units know it (-1 when
// not stored). It reports whether v is known.
func addCount(row []int64, v, n int64, cSum, cUnits int) bool {
	if v == Unknown {
		return false
	}
	if cSum >= 0 {
		row[cSum] += v
	}
	if cUnits >= 0 {
		row[cUnits] += n
	}
	return true
}

// totals returns the Totals a row holds; its Votes alias the row.
func (l *layout) totals(row []int64) Totals {
	t := Totals{Units: row[0], Votes: row[l.votes:l.width:l.width], Lumped: l.lumped}
	for _, v := range t.Votes {
		t.Valid += v
	}
	units := func(k presence, c int) int64 {
		switch k {
		case knownAll:
			return t.Units
		case knownSome:
			return row[c]
		}
		return 0
	}
	if l.cNull >= 0 {
		t.Null = row[l.cNull]
	}
	t.NullUnits = units(l.null, l.cNullUnits)
	if l.cBlank >= 0 {
		t.Blank = row[l.cBlank]
	}
	t.BlankUnits = units(l.blank, l.cBlankUnits)
	if l.cReg >= 0 {
		t.Registered = row[l.cReg]
	}
	t.RegisteredUnits = units(l.registered, l.cRegUnits)
	switch l.registered {
	case knownAll:
		t.CastRegistered = t.Cast()
	case knownSome:
		t.CastRegistered = row[l.cCastReg]
	}
	return t
}
