package sim

import "strings"

var foldReplacer = strings.NewReplacer(
	"á", "a", "à", "a", "ä", "a", "â", "a", "ã", "a",
	"é", "e", "è", "e", "ë", "e", "ê", "e",
	"í", "i", "ì", "i", "ï", "i", "î", "i",
	"ó", "o", "ò", "o", "ö", "o", "ô", "o", "õ", "o",
	"ú", "u", "ù", "u", "ü", "u", "û", "u",
	"ñ", "n", "ç", "c",
)

// Fold returns s in lower case with the accents of Spanish, Portuguese and
// French letters removed, for matching names typed without accents.
func Fold(s string) string {
	return foldReplacer.Replace(strings.ToLower(s))
}
