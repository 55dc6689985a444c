package i18n

// Keys of the command line's sentences (cmd/tallyscope): the scenario
// command's text, which --lang es prints in Spanish.
const (
	CliWorstWho       Key = "cli.worst.who"
	CliWorstStill     Key = "cli.worst.still"
	CliWorstWin       Key = "cli.worst.win"
	CliWorstFullStill Key = "cli.worst.full.still"
	CliWorstFullWin   Key = "cli.worst.full.win"
	CliClaimOK        Key = "cli.claim.ok"
	CliClaimNo        Key = "cli.claim.no"
	CliClaimPartial   Key = "cli.claim.partial"
	CliAssumePartial  Key = "cli.assume.partial"
	CliCounted        Key = "cli.counted"
	CliCountedChanged Key = "cli.counted.changed"
	CliRuleLike       Key = "cli.rule.like"
	CliRuleSplit      Key = "cli.rule.split"
	CliMissing        Key = "cli.missing"
	CliMissingN       Key = "cli.missing.n"
	CliTie            Key = "cli.tie"
	CliWin            Key = "cli.win"
	CliAssumeLike     Key = "cli.assume.like"
	CliRestLike       Key = "cli.rest.like"
	CliRestGiven      Key = "cli.rest.given"
	CliRestFrom       Key = "cli.rest.from"
	CliAssumeSplit    Key = "cli.assume.split"
	CliAssumeWorst    Key = "cli.assume.worst"
	CliAssumeClaim    Key = "cli.assume.claim"
	CliAssumeNone     Key = "cli.assume.none"
	CliAssumption     Key = "cli.assumption"
	CliImpossible     Key = "cli.impossible"
	CliColCandidate   Key = "cli.col.candidate"
	CliColCounted     Key = "cli.col.counted"
	CliColChange      Key = "cli.col.change"
	CliColMissing     Key = "cli.col.missing"
	CliColTotal       Key = "cli.col.total"
	CliColShare       Key = "cli.col.share"
	CliColValid       Key = "cli.col.valid"
	CliByLevel        Key = "cli.bylevel"
	CliRegionRow      Key = "cli.regionrow"
	CliMCTooFew       Key = "cli.mc.toofew"
	CliMCWins         Key = "cli.mc.wins"
	CliModel          Key = "cli.model"
	CliMCInterval     Key = "cli.mc.interval"
	CliMCShare        Key = "cli.mc.share"
	CliNote           Key = "cli.note"
	CliValidation     Key = "cli.validation"
	CliQuick          Key = "cli.quick"
	CliQuickShare     Key = "cli.quick.share"
	CliQuickMargin    Key = "cli.quick.margin"
	CliNotes          Key = "cli.notes"
	CliData           Key = "cli.data"
	CliReproduce      Key = "cli.reproduce"
	CliChanges        Key = "cli.changes"
	CliSwingFromAll   Key = "cli.swing.fromall"
	CliSwingToAll     Key = "cli.swing.toall"
	CliSwingFrom      Key = "cli.swing.from"
	CliSwingTo        Key = "cli.swing.to"
	CliSwing          Key = "cli.swing"
	CliSwingProp      Key = "cli.swing.prop"
	CliTurnout        Key = "cli.turnout"
	CliTurnoutFactor  Key = "cli.turnout.factor"
	CliTurnoutPP      Key = "cli.turnout.pp"
	CliAnd            Key = "cli.and"
	CliOnlyIn         Key = "cli.onlyin"
	CliTheClaim       Key = "cli.theclaim"
)

var cliStrings = map[Key]entry{
	CliWorstWho:       {"all %s remaining valid votes (%s)", "los %s votos válidos restantes (%s)"},
	CliWorstStill:     {"Even if %s went to %s, %s would still lead by %s votes (%s to %s).", "Aunque %s fueran a %s, %s seguiría adelante por %s votos (%s a %s)."},
	CliWorstWin:       {"If %s went to %s, %s would win by %s votes (%s to %s).", "Si %s fueran a %s, %s ganaría por %s votos (%s a %s)."},
	CliWorstFullStill: {"Even if every one of the %s missing registered voters voted, and voted for %s, %s would still lead by %s votes (%s to %s).", "Aunque votaran los %s electores que faltan, y todos por %s, %s seguiría adelante por %s votos (%s a %s)."},
	CliWorstFullWin:   {"If every one of the %s missing registered voters voted for %s, %s would win by %s votes (%s to %s).", "Si los %s electores que faltan votaran todos por %s, %s ganaría por %s votos (%s a %s)."},
	CliClaimOK:        {"For %s to be true, the missing {u} would need %s valid votes, split as below; nothing in that is impossible.", "Para que %s sea cierto, {las} {u} que faltan necesitarían %s votos válidos, repartidos como abajo; nada de eso es imposible."},
	CliClaimPartial:   {"%s counts only %s of the {u}; compared with the counted {u}, nothing in it is impossible by arithmetic alone.", "%s cuenta solo el %s de {las} {u}; comparado con {las} {u} contad{as}, nada en él es imposible por pura aritmética."},
	CliAssumePartial:  {"Assumption: none about the missing {u}. %s counts only %s of the {u}, so it is compared with the counted {u} (below, statements that begin with \"if\" assume more).", "Supuesto: ninguno sobre {las} {u} que faltan. %s cuenta solo el %s de {las} {u}, así que se compara con {las} {u} contad{as} (abajo, las frases que empiezan con \"si\" suponen más)."},
	CliClaimNo:        {"%s cannot be reconciled with the counted {u}. %s.", "%s no se puede conciliar con {las} {u} contad{as}. %s."},
	CliCounted:        {"In the counted {u} %s leads %s by %s votes (%s to %s, %s points).", "En {las} {u} contad{as}, %s aventaja a %s por %s votos (%s a %s, %s puntos)."},
	CliCountedChanged: {"After the changes below, in the counted {u} %s leads %s by %s votes (%s to %s, %s points).", "Tras los cambios indicados abajo, en {las} {u} contad{as}, %s aventaja a %s por %s votos (%s a %s, %s puntos)."},
	CliRuleLike:       {"voted like the regions around them", "votaran como las regiones a su alrededor"},
	CliRuleSplit:      {"split %s for %s", "se repartieran con un %s para %s"},
	CliMissing:        {"the missing {u}", "{las} {u} que faltan"},
	CliMissingN:       {"the %s missing %s", "{las} %s %s que faltan"},
	CliTie:            {"If %s %s, %s would tie with %s.", "Si %s %s, %s empataría con %s."},
	CliWin:            {"If %s %s, %s would win with %s to %s's %s, a margin of %s votes (%s points).", "Si %[1]s %[2]s, %[3]s ganaría con el %[4]s frente al %[6]s de %[5]s, un margen de %[7]s votos (%[8]s puntos)."},
	CliAssumeLike:     {"each missing {u1} votes like the smallest region around it with at least %s counted %s", "cada {u1} que falta vota como la región más pequeña a su alrededor con al menos %s %s contad{as}"},
	CliRestLike:       {"the rest split like the counted votes", "el resto se reparte como los votos contados"},
	CliRestGiven:      {"the rest split as given", "el resto se reparte como se indica"},
	CliRestFrom:       {"taken from %s while the other candidates keep their counted share", "que pierde %s mientras los demás candidatos conservan su porcentaje contado"},
	CliAssumeSplit:    {"%s of the remaining votes go to %s, %s", "el %s de los votos restantes va a %s, %s"},
	CliAssumeWorst:    {"the worst case for %s: every remaining vote to %s", "el peor caso para %s: todos los votos restantes para %s"},
	CliAssumeClaim:    {"the missing units contain whatever the claimed totals imply", "{las} {u} que faltan contienen lo que impliquen los totales anunciados"},
	CliAssumeNone:     {"only the counted units", "solo {las} {u} contad{as}"},
	CliAssumption:     {"Assumption: %s; the remaining %s valid votes are %s.", "Supuesto: %s; los %s votos válidos restantes son %s."},
	CliImpossible:     {"IMPOSSIBLE: %s.", "IMPOSIBLE: %s."},
	CliColCandidate:   {"candidate", "candidato"},
	CliColCounted:     {"counted", "contado"},
	CliColChange:      {"change", "cambio"},
	CliColMissing:     {"missing", "faltante"},
	CliColTotal:       {"total", "total"},
	CliColShare:       {"share", "porc."},
	CliColValid:       {"valid", "válidos"},
	CliByLevel:        {"By %s (counted + missing):", "Por %s (contado + faltante):"},
	CliRegionRow:      {"  %-24s leader %-6s margin %12s  missing votes %10s", "  %-24s lidera %-6s margen %12s  votos faltantes %10s"},
	CliMCTooFew:       {"Monte Carlo, %s runs, seed %s: too few runs to state a probability or an interval (at least %s).", "Monte Carlo, %s simulaciones, semilla %s: demasiado pocas para dar una probabilidad o un intervalo (hacen falta al menos %s)."},
	CliMCWins:         {"Monte Carlo, seed %s: %s wins %s.", "Monte Carlo, semilla %s: %s gana %s."},
	CliModel:          {"Model: %s.", "Modelo: %s."},
	CliMCInterval:     {"Margin of %s over %s, 90%% interval: %s to %s points (median %s).", "Margen de %s sobre %s, intervalo del 90\u00a0%%: de %s a %s puntos (mediana %s)."},
	CliMCShare:        {"  %s: %s to %s of the valid vote.", "  %s: de %s a %s del voto válido."},
	CliNote:           {"  note: %s", "  nota: %s"},
	CliValidation:     {"Validation: hiding %s of the counted {u} %s times, the nominal 90%% intervals covered the truth in %s of %s checks (%s); mean interval width of the margin %s points, mean error of its median %s points.", "Validación: ocultando el %s de {las} {u} contad{as} %s veces, los intervalos nominales del 90\u00a0%% cubrieron el valor real en %s de %s comprobaciones (%s); anchura media del intervalo del margen, %s puntos; error medio de su mediana, %s puntos."},
	CliQuick:          {"As a quick count of %s of %s {u} (%s strata), the sampling error (95%%) is:", "Como conteo rápido de %s de %s {u} (%s estratos), el error de muestreo (95\u00a0%%) es:"},
	CliQuickShare:     {"  %s: %s ± %s points", "  %s: %s ± %s puntos"},
	CliQuickMargin:    {"  margin %s over %s: %s ± %s points", "  margen de %s sobre %s: %s ± %s puntos"},
	CliNotes:          {"Notes:", "Notas:"},
	CliData:           {"Data: %s (sha256 %s); engine %s.", "Datos: %s (sha256 %s); motor %s."},
	CliReproduce:      {"Reproduce: tallyscope %s --scenario %s FILE", "Para reproducirlo: tallyscope %s --scenario %s ARCHIVO"},
	CliChanges:        {"Changes to the counted {u}: %s.", "Cambios en {las} {u} contad{as}: %s."},
	CliSwingFromAll:   {"taken from the other candidates in proportion to their shares", "tomados de los demás candidatos en proporción a sus porcentajes"},
	CliSwingToAll:     {"given to the other candidates in proportion to their shares", "cedidos a los demás candidatos en proporción a sus porcentajes"},
	CliSwingFrom:      {"taken from %s", "tomados de %s"},
	CliSwingTo:        {"given to %s", "cedidos a %s"},
	CliSwing:          {"%s %s points of the valid vote, %s", "%s %s puntos del voto válido, %s"},
	CliSwingProp:      {"%s %s points of the valid vote, in proportion to its share in each {u1}, %s", "%s %s puntos del voto válido, en proporción a su porcentaje en cada {u1}, %s"},
	CliTurnout:        {"turnout %s", "participación %s"},
	CliTurnoutFactor:  {"votes ×%s", "votos ×%s"},
	CliTurnoutPP:      {"%s points of the registered voters", "%s puntos de los electores inscritos"},
	CliAnd:            {"%s and %s", "%s y %s"},
	CliOnlyIn:         {" (only in %s %s)", " (solo en %s %s)"},
	CliTheClaim:       {"the claim", "el anuncio"},
}
