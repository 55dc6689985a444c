package i18n

// Keys of "tallyscope summary"'s text.
const (
	SuData           Key = "summary.data"
	SuNote           Key = "summary.note"
	SuSkipped        Key = "summary.skipped"
	SuSharesOf       Key = "summary.sharesof"
	SuValidVotes     Key = "summary.denominator.valid"
	SuCastVotes      Key = "summary.denominator.cast"
	SuNational       Key = "summary.national"
	SuCandidate      Key = "summary.col.candidate"
	SuVotes          Key = "summary.col.votes"
	SuShare          Key = "summary.col.share"
	SuValidRow       Key = "summary.row.valid"
	SuNullRow        Key = "summary.row.null"
	SuBlankRow       Key = "summary.row.blank"
	SuOnly           Key = "summary.only"
	SuTied           Key = "summary.tied"
	SuLeads          Key = "summary.leads"
	SuMinus          Key = "summary.minus"
	SuTurnout        Key = "summary.turnout"
	SuTurnoutUnknown Key = "summary.turnout.unknown"
	SuCoverage       Key = "summary.coverage"
	SuCovUnits       Key = "summary.cov.units"
	SuCovUnitsNoExp  Key = "summary.cov.units.noexp"
	SuCovRegistered  Key = "summary.cov.registered"
	SuCovRegMissing  Key = "summary.cov.registered.missing"
	SuCovCast        Key = "summary.cov.cast"
	SuClaimed        Key = "summary.claimed"
	SuClaimedVote    Key = "summary.claimed.vote"
	SuBy             Key = "summary.by"
	SuColValid       Key = "summary.col.valid"
	SuColLeader      Key = "summary.col.leader"
	SuColMargin      Key = "summary.col.margin"
	SuColTurnout     Key = "summary.col.turnout"
	SuColCoverage    Key = "summary.col.coverage"
	SuTie            Key = "summary.tie"
	SuNA             Key = "summary.na"
	SuUnknown        Key = "summary.unknown"
)

var summaryStrings = map[Key]entry{
	SuData:           {"Data: %s (%s), sha256 %s", "Datos: %s (%s), sha256 %s"},
	SuNote:           {"  note: %s", "  nota: %s"},
	SuSkipped:        {"  WARNING: %d bad rows were skipped (listed on stderr); totals leave them out.", "  AVISO: se omitieron %d filas erróneas (listadas en stderr); los totales las dejan fuera."},
	SuSharesOf:       {"Shares are of %s.", "Los porcentajes son de %s."},
	SuValidVotes:     {"valid votes", "los votos válidos"},
	SuCastVotes:      {"all votes cast (valid + null + blank)", "todos los votos emitidos (válidos + nulos + blancos)"},
	SuNational:       {"National result, %s counted", "Resultado nacional, %s contad{as}"},
	SuCandidate:      {"candidate", "candidato"},
	SuVotes:          {"votes", "votos"},
	SuShare:          {"share", "porc."},
	SuValidRow:       {"valid votes", "votos válidos"},
	SuNullRow:        {"null votes", "votos nulos"},
	SuBlankRow:       {"blank votes", "votos en blanco"},
	SuOnly:           {"%s is the only candidate.", "%s es el único candidato."},
	SuTied:           {"%s and %s are tied with %s votes each.", "%s y %s empatan con %s votos cada uno."},
	SuLeads:          {"%s leads %s by %s votes (%s points) in the counted {u}.", "%s aventaja a %s por %s votos (%s puntos) en {las} {u} contad{as}."},
	SuMinus:          {" %s minus %s: %s votes (%s).", " %s menos %s: %s votos (%s)."},
	SuTurnout:        {"Turnout: %s (votes cast over %s registered voters, in the {u} where they are known).", "Participación: %s (votos emitidos sobre %s electores inscritos, en {las} {u} donde se conocen)."},
	SuTurnoutUnknown: {"Turnout: unknown (the data has no registered voters).", "Participación: desconocida (los datos no tienen electores inscritos)."},
	SuCoverage:       {"Coverage: %s.", "Cobertura: %s."},
	SuCovUnits:       {"%s of %s {u} (%s)", "%s de %s {u} (%s)"},
	SuCovUnitsNoExp:  {"%s; expected number unknown", "%s; número esperado desconocido"},
	SuCovRegistered:  {"%s of %s registered voters (%s)", "%s de %s electores inscritos (%s)"},
	SuCovRegMissing:  {"registered voters not in the data (%s expected)", "electores inscritos ausentes de los datos (%s esperados)"},
	SuCovCast:        {"%s votes cast in the data", "%s votos emitidos en los datos"},
	SuClaimed:        {"Claimed (%s, %s):", "Anunciado (%s, %s):"},
	SuClaimedVote:    {" %s %s (counted here: %s).", " %s %s (contados aquí: %s)."},
	SuBy:             {"By %s (%d):", "Por %s (%d):"},
	SuColValid:       {"valid", "válidos"},
	SuColLeader:      {"leader", "a la cabeza"},
	SuColMargin:      {"margin %s-%s", "margen %s-%s"},
	SuColTurnout:     {"turnout", "particip."},
	SuColCoverage:    {"coverage", "cobertura"},
	SuTie:            {" (tie)", " (empate)"},
	SuNA:             {"n/a", "n/d"},
	SuUnknown:        {"unknown", "desconocido"},
}
