package i18n

// The core (sim, sim/scenario, sim/forensics) returns its notes, claims
// and errors as codes with arguments; these are their words. A code's key
// is "core." followed by the code.

// codeKey is the catalogue key of a core code.
func codeKey(code string) Key { return Key("core." + code) }

// Remaining describes an estimate of the remaining votes, by the name
// scenario.Remaining gives it ("official", "turnout", "full", "units",
// or "" for the automatic choice).
func (l Lang) Remaining(method string) string {
	if method == "" {
		method = "auto"
	}
	return l.T(codeKey("remaining." + method))
}

var coreStrings = map[Key]entry{
	"core.remaining.official": {"the official valid total minus the counted valid votes", "el total oficial de votos válidos menos los contados"},
	"core.remaining.turnout":  {"the counted turnout applied to the missing registered voters", "la participación contada aplicada a los electores de las unidades faltantes"},
	"core.remaining.full":     {"100% turnout of the missing registered voters", "participación del 100\u00a0% en las unidades faltantes"},
	"core.remaining.units":    {"the counted votes per unit applied to the missing units", "los votos contados por unidad aplicados a las unidades faltantes"},
	"core.remaining.auto":     {"an automatic choice", "estimación automática"},
}
