package i18n

// Keys of the static charts' strings (titles, axis labels, footers).
const (
	ChSource         Key = "chart.footer.source"
	ChScenario       Key = "chart.footer.scenario"
	ChSharesTitle    Key = "chart.shares.title"
	ChSharesTitleNo  Key = "chart.shares.title.noclaim"
	ChSharesSub      Key = "chart.shares.sub"
	ChSharesAxis     Key = "chart.shares.axis"
	ChCounted        Key = "chart.counted"
	ChCountedOf      Key = "chart.counted.of"
	ChCountedN       Key = "chart.counted.n"
	ChOthers         Key = "chart.others"
	ChRegionsTitle   Key = "chart.regions.title"
	ChRegionsSub     Key = "chart.regions.sub"
	ChRegionsTop     Key = "chart.regions.top"
	ChRegionsAxis    Key = "chart.regions.axis"
	ChLeads          Key = "chart.leads"
	ChBETitle        Key = "chart.be.title"
	ChBETitleLocked  Key = "chart.be.title.locked"
	ChBESub          Key = "chart.be.sub"
	ChBEX            Key = "chart.be.x"
	ChBEY            Key = "chart.be.y"
	ChBEPoint        Key = "chart.be.point"
	ChBEImpossible   Key = "chart.be.impossible"
	ChBECounted      Key = "chart.be.counted"
	ChMCTitle        Key = "chart.mc.title"
	ChMCSub          Key = "chart.mc.sub"
	ChMCTitleAll     Key = "chart.mc.title.all"
	ChMCTitleNone    Key = "chart.mc.title.none"
	ChMCTitleAbove   Key = "chart.mc.title.above"
	ChMCTitleBelow   Key = "chart.mc.title.below"
	ChMCTitleFew     Key = "chart.mc.title.few"
	ChMCX            Key = "chart.mc.x"
	ChMCY            Key = "chart.mc.y"
	ChMCMedian       Key = "chart.mc.median"
	ChMCInterval     Key = "chart.mc.interval"
	ChFPTitle        Key = "chart.fp.title"
	ChFPSub          Key = "chart.fp.sub"
	ChFPX            Key = "chart.fp.x"
	ChFPY            Key = "chart.fp.y"
	ChFPScale        Key = "chart.fp.scale"
	ChFPExcluded     Key = "chart.fp.excluded"
	ChFPMode         Key = "chart.fp.mode"
	ChDigitsTitle    Key = "chart.digits.title"
	ChDigitsSub      Key = "chart.digits.sub"
	ChDigitsX        Key = "chart.digits.x"
	ChDigitsY        Key = "chart.digits.y"
	ChDigitsLaw      Key = "chart.digits.law"
	ChDigitsObs      Key = "chart.digits.observed"
	ChDigitsLast     Key = "chart.digits.last"
	ChDigitsSecond   Key = "chart.digits.second"
	ChDigitsUniform  Key = "chart.digits.uniform"
	ChDigitsBenford  Key = "chart.digits.benford"
	ChDigitsStat     Key = "chart.digits.stat"
	ChDigitsStatBoth Key = "chart.digits.stat.both"
	ChDigitsBinomial Key = "chart.digits.binomial"
	ChDigitsUniformP Key = "chart.digits.uniform.p"
	ChDigitsBenfordP Key = "chart.digits.benford.p"
	ChDigitsCaveat   Key = "chart.digits.caveat"
	ChSwingTitle     Key = "chart.swing.title"
	ChSwingTitleWin  Key = "chart.swing.title.units"
	ChSwingSub       Key = "chart.swing.sub"
	ChSwingStandIn   Key = "chart.swing.standin"
	ChSwingX         Key = "chart.swing.x"
	ChSwingY         Key = "chart.swing.y"
	ChSwingNow       Key = "chart.swing.now"
	ChSwingFlip      Key = "chart.swing.flip"
	ChSwingHalf      Key = "chart.swing.half"
	ChSeats          Key = "chart.seats"
	ChShareOfValid   Key = "chart.share.valid"
	ChProjected      Key = "chart.projected"
	ChProjectedSub   Key = "chart.projected.sub"
	ChRegionsProj    Key = "chart.regions.sub.projected"
	ChRuleLike       Key = "chart.rule.like"
	ChRuleSplit      Key = "chart.rule.split"
	ChRuleWorst      Key = "chart.rule.worst"
	ChRuleClaim      Key = "chart.rule.claim"
	ChRuleNone       Key = "chart.rule.none"
	ChArticle        Key = "chart.article"
	ChCountedWord    Key = "chart.countedword"
	ChUnitsWon       Key = "chart.unitswon"
	ChCellOne        Key = "chart.cell.one"
	ChCells          Key = "chart.cells"
	ChMarginPP       Key = "chart.margin.pp"

	ChMapLeaderTitle   Key = "chart.map.title.leader"
	ChMapShiftTitle    Key = "chart.map.title.shift"
	ChMapCoverageTitle Key = "chart.map.title.coverage"
	ChMapTurnoutTitle  Key = "chart.map.title.turnout"
	ChMapDrawn         Key = "chart.map.drawn"
	ChMapTilesEqual    Key = "chart.map.tiles.equal"
	ChMapTilesSized    Key = "chart.map.tiles.sized"
	ChMapUnknown       Key = "chart.map.unknown"
	ChMapLeadBy        Key = "chart.map.leadby"
	ChMapAhead         Key = "chart.map.ahead"
	ChMapNoData        Key = "chart.map.nodata"
	ChMapToward        Key = "chart.map.toward"
)

var chartStrings = map[Key]entry{
	ChSource:         {"Source", "Fuente"},
	ChScenario:       {"Scenario", "Escenario"},
	ChSharesTitle:    {"Counted votes against announced results", "Votos contados frente a los resultados anunciados"},
	ChSharesTitleNo:  {"Share of the valid vote, as counted", "Porcentaje de los votos válidos, según el conteo"},
	ChSharesSub:      {"Share of valid votes. %s", "Porcentaje de los votos válidos. %s"},
	ChSharesAxis:     {"Share of valid votes", "Porcentaje de los votos válidos"},
	ChCounted:        {"Counted", "Conteo"},
	ChCountedOf:      {"%s: %s of %s %s (%s).", "%s: %s de %s %s (%s)."},
	ChCountedN:       {"%s: %s %s.", "%s: %s %s."},
	ChOthers:         {"Others", "Otros"},
	ChRegionsTitle:   {"%s vs %s: margin by %s", "%s frente a %s: margen por %s"},
	ChRegionsSub:     {"Percentage points of the valid vote in %s %s %s. %s leads in %d of %d.", "Puntos porcentuales de los votos válidos en %s %s %s. %s lidera en %d de %d."},
	ChRegionsTop:     {"The %d largest of %d by valid votes.", "Los %d mayores de %d por votos válidos."},
	ChRegionsAxis:    {"Margin (percentage points)", "Margen (puntos porcentuales)"},
	ChLeads:          {"%s leads", "Lidera %s"},
	ChBETitle:        {"%s needs %s of the remaining votes to tie", "%s necesita el %s de los votos restantes para empatar"},
	ChBETitleLocked:  {"%s cannot catch up: a tie needs %s of the remaining votes", "%s no puede alcanzarlo: empatar exige el %s de los votos restantes"},
	ChBESub:          {"Final margin of %s over %s if %s takes a given share of the %s valid votes estimated in %s missing %s (%s); other candidates keep their counted share.", "Margen final de %s sobre %s si %s obtiene una parte dada de los %s votos válidos estimados en %s %s faltantes (%s); los demás candidatos mantienen su porcentaje contado."},
	ChBEX:            {"%s's share of the remaining votes", "Porcentaje de %s en los votos restantes"},
	ChBEY:            {"Final margin (votes)", "Margen final (votos)"},
	ChBEPoint:        {"break-even %s", "punto de empate %s"},
	ChBEImpossible:   {"impossible: more votes than\nthe other candidates leave", "imposible: más votos de los que\ndejan los demás candidatos"},
	ChBECounted:      {"counted share %s", "porcentaje contado %s"},
	ChMCTitle:        {"%s wins in %s of %s simulated counts (Monte Carlo error ±%s points)", "%s gana en el %s de %s conteos simulados (error de Monte Carlo ±%s puntos)"},
	ChMCTitleNone:    {"%s wins in none of %s simulated counts", "%s no gana en ninguno de %s conteos simulados"},
	ChMCTitleAbove:   {"%s wins in more than 99.9%% of %s simulated counts", "%s gana en más del 99,9\u00a0%% de %s conteos simulados"},
	ChMCTitleBelow:   {"%s wins in fewer than 0.1%% of %s simulated counts", "%s gana en menos del 0,1\u00a0%% de %s conteos simulados"},
	ChMCTitleFew:     {"Too few simulated counts to state a probability (%s; at least %s are needed)", "Demasiado pocos conteos simulados para dar una probabilidad (%s; hacen falta al menos %s)"},
	ChMCSub:          {"Margin of %s over %s when each missing %s is predicted from the counted ones, with errors measured on them and shared regional shocks (seed %d). Shaded: 50%% and %s intervals.", "Margen de %s sobre %s cuando cada %s faltante se predice a partir de las unidades contadas, con errores medidos en ellas y choques regionales comunes (semilla %d). Sombreado: intervalos del 50\u00a0%% y del %s."},
	ChMCTitleAll:     {"%s wins in all %s simulated counts", "%s gana en los %s conteos simulados"},
	ChMCX:            {"Final margin (percentage points of the valid vote)", "Margen final (puntos porcentuales de los votos válidos)"},
	ChMCY:            {"Simulated counts", "Conteos simulados"},
	ChMCMedian:       {"median %s", "mediana %s"},
	ChMCInterval:     {"%s interval", "intervalo del %s"},
	ChFPTitle:        {"Election fingerprint: turnout against %s's share", "Huella electoral: participación frente al porcentaje de %s"},
	ChFPSub:          {"%s by turnout and by %s's share of valid votes, in %s: %s with known registered voters", "%s según la participación y el porcentaje de %s en los votos válidos, en %s: %s con electores inscritos conocidos"},
	ChFPX:            {"Turnout", "Participación"},
	ChFPY:            {"%s's share of valid votes", "Porcentaje de %s en los votos válidos"},
	ChFPScale:        {"%s per cell", "%s por celda"},
	ChFPExcluded:     {", %s left out", ", %s fuera del gráfico"},
	ChFPMode:         {"A shape calls for an explanation, not a verdict.", "Una forma pide una explicación, no un veredicto."},
	ChDigitsTitle:    {"%s: observed against the expected law", "%s: observado frente a la ley esperada"},
	ChDigitsLast:     {"Last digit of the vote counts", "Último dígito de los conteos de votos"},
	ChDigitsSecond:   {"Second digit of the vote counts", "Segundo dígito de los conteos de votos"},
	ChDigitsUniform:  {"uniform, 10% each", "uniforme, 10\u00a0% cada uno"},
	ChDigitsBenford:  {"Benford's second-digit law", "ley de Benford del segundo dígito"},
	ChDigitsStat:     {"%s: %s counts, chi² = %s (%d df), p %s.", "%s: %s conteos, chi² = %s (%d g.l.), p %s."},
	ChDigitsStatBoth: {"%s: %s counts, p %s against %s, p %s against the binomial null.", "%s: %s conteos, p %s frente a %s, p %s frente al nulo binomial."},
	ChDigitsUniformP: {"uniform digits", "dígitos uniformes"},
	ChDigitsBenfordP: {"Benford's law", "la ley de Benford"},
	ChDigitsBinomial: {"Binomial null: what honest counts of this size give", "Nulo binomial: lo que dan conteos honestos de este tamaño"},
	ChDigitsCaveat:   {"A small p is a reason to look closer, not proof of fraud.", "Una p pequeña es motivo para mirar de cerca, no prueba de fraude."},
	ChDigitsX:        {"Digit", "Dígito"},
	ChDigitsY:        {"Share of counts", "Porcentaje de los conteos"},
	ChDigitsLaw:      {"Expected: %s", "Esperado: %s"},
	ChDigitsObs:      {"Observed", "Observado"},
	ChSwingTitle:     {"Seats won as %s gains or loses ground", "Escaños ganados según %s gane o pierda terreno"},
	ChSwingTitleWin:  {"%s as %s gains or loses ground", "%s según %s gane o pierda terreno"},
	ChSwingHalf:      {"half of %s", "mitad de %s"},
	ChSeats:          {"Seats", "Escaños"},
	ChSwingSub:       {"Uniform swing: the same points of the valid vote move from %s to %s in every unit. %s", "Cambio uniforme: los mismos puntos de los votos válidos pasan de %s a %s en cada unidad. %s"},
	ChSwingStandIn:   {"Each %s stands in for a seat (one winner per unit, first past the post); this data has no constituencies.", "Cada %s hace de escaño (un ganador por unidad, mayoría simple); estos datos no tienen circunscripciones."},
	ChSwingX:         {"Swing to %s (percentage points)", "Cambio hacia %s (puntos porcentuales)"},
	ChSwingY:         {"%s won", "%s ganados"},
	ChSwingNow:       {"as counted", "según el conteo"},
	ChSwingFlip:      {"the lead changes at %s", "el liderazgo cambia en %s"},
	ChProjected:      {"Projected", "Proyección"},
	ChProjectedSub:   {"Projected: %s.", "Proyección: %s."},
	ChRegionsProj:    {"Percentage points of the valid vote, counted and projected (%s). %s leads in %d of %d.", "Puntos porcentuales de los votos válidos, contados y proyectados (%s). %s lidera en %d de %d."},
	ChRuleLike:       {"each missing {u1} votes like its region", "cada {u1} faltante vota como su región"},
	ChRuleSplit:      {"a fixed split in the missing {u}", "un reparto fijo en {las} {u} que faltan"},
	ChRuleWorst:      {"worst case for the leader in every missing {u1}", "el peor caso para quien lidera en cada {u1} faltante"},
	ChRuleClaim:      {"the missing {u} hold what the claim implies", "{las} {u} que faltan contienen lo que implica el anuncio"},
	ChRuleNone:       {"the stated swing or turnout change in the counted {u}", "el cambio de voto o de participación indicado, en {las} {u} contad{as}"},
	ChShareOfValid:   {"share of valid votes", "porcentaje de los votos válidos"},
	ChArticle:        {"the", "{las}"},
	ChCountedWord:    {"counted", "contad{as}"},
	ChUnitsWon:       {"{u} won", "{u} ganad{as}"},
	ChCellOne:        {"1-point cells", "celdas de 1 punto"},
	ChCells:          {"%s-point cells", "celdas de %s puntos"},
	ChMarginPP:       {"margin", "margen"},

	ChMapLeaderTitle:   {"Who leads in each %s, and by how much", "Quién lidera en cada %s, y por cuánto"},
	ChMapShiftTitle:    {"%s vs %s: how the scenario moves the margin, by %s", "%s frente a %s: cuánto mueve el escenario el margen, por %s"},
	ChMapCoverageTitle: {"Share of the expected units counted, by %s", "Porcentaje de las unidades esperadas contadas, por %s"},
	ChMapTurnoutTitle:  {"Turnout by %s", "Participación por %s"},
	ChMapDrawn:         {"%s of %s %s drawn. Without a shape: %s. Shapes without data: %s.", "%s de %s %s dibujados. Sin forma: %s. Formas sin datos: %s."},
	ChMapTilesEqual:    {"One equal tile per area, placed near its shape.", "Una casilla igual por área, cerca de su forma."},
	ChMapTilesSized:    {"Tiles sized by valid votes, placed near their shapes.", "Casillas según los votos válidos, cerca de sus formas."},
	ChMapUnknown:       {"%s in grey: the data cannot say.", "%s en gris: los datos no lo dicen."},
	ChMapLeadBy:        {"%s leads by (pp)", "%s lidera por (pp)"},
	ChMapAhead:         {"%s ahead", "Adelante %s"},
	ChMapNoData:        {"No data", "Sin datos"},
	ChMapToward:        {"Moves toward %s", "Se mueve hacia %s"},
}
