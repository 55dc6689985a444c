package i18n

import "strings"

// dataTexts translates the words that the loaders give the data sets they
// know (titles, sources, the labels of the CNE's bulletins): the data's
// own words, but ours, which a Spanish reader should read in Spanish.
// Any other title, source or label is shown as the data has it.
var dataTexts = map[string]entry{
	"Venezuela, presidential election, 28 July 2024":                                                       {"Venezuela, presidential election, 28 July 2024", "Venezuela, elección presidencial, 28 de julio de 2024"},
	"Opposition-collected tally sheets (actas), resultadosconvzla.com":                                     {"Opposition-collected tally sheets (actas), resultadosconvzla.com", "Actas recogidas por la oposición, resultadosconvzla.com"},
	"tables: resultadosconvzla.com; registered voters: CNE definitive registry, Gaceta Electoral No. 1057": {"tables: resultadosconvzla.com; registered voters: CNE definitive registry, Gaceta Electoral No. 1057", "mesas: resultadosconvzla.com; electores inscritos: registro definitivo del CNE, Gaceta Electoral n.º 1057"},
	"CNE 1st bulletin": {"CNE 1st bulletin", "CNE, 1.er boletín"},
	"CNE 2nd bulletin": {"CNE 2nd bulletin", "CNE, 2.º boletín"},
	"CNE president Elvis Amoroso, broadcast just after midnight, 29 July 2024": {"CNE president Elvis Amoroso, broadcast just after midnight, 29 July 2024", "Elvis Amoroso, presidente del CNE, en una transmisión poco después de la medianoche del 29 de julio de 2024"},
	"CNE president Elvis Amoroso, 2 August 2024":                               {"CNE president Elvis Amoroso, 2 August 2024", "Elvis Amoroso, presidente del CNE, 2 de agosto de 2024"},
	"United States, presidential election, results by county":                  {"United States, presidential election, results by county", "Estados Unidos, elección presidencial, resultados por condado"},
	"the claim": {"the claim", "el anuncio"},
}

// Data returns a title, source or label of a known data set in language
// l, and any other as it is.
func (l Lang) Data(s string) string {
	if l != ES {
		return s
	}
	if e, ok := dataTexts[s]; ok {
		return e.es
	}
	// The titles and source of package synth's mystery elections.
	if n, ok := strings.CutPrefix(s, "Mystery election "); ok && n != "" && strings.Trim(n, "0123456789") == "" {
		return "Elección misteriosa " + n
	}
	if s == "tallyscope mystery election" {
		return "elección misteriosa de tallyscope"
	}
	return s
}

// ClaimLabel returns a claim's label in language l.
func (l Lang) ClaimLabel(label string) string { return l.Data(label) }
