package i18n

// claimLabels translates the labels of the claims that the loaders give
// the Venezuelan data ("CNE 1st bulletin"): the data's own words, which
// a Spanish reader should read in Spanish. Other labels are shown as
// they are.
var claimLabels = map[string]entry{
	"CNE 1st bulletin": {"CNE 1st bulletin", "CNE, 1.er boletín"},
	"CNE 2nd bulletin": {"CNE 2nd bulletin", "CNE, 2.º boletín"},
	"the claim":        {"the claim", "el anuncio"},
}

// ClaimLabel returns a claim's label in language l.
func (l Lang) ClaimLabel(label string) string {
	if e, ok := claimLabels[label]; ok && l == ES {
		return e.es
	}
	return label
}
