package chart

import (
	"fmt"
	"strings"

	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/sim/scenario"
)

// key names one string of the charts. The interactive app's strings live
// in package i18n; the charts' own (titles, axis labels, footers) live
// here, in the same two languages, and use i18n's number formats.
type key string

type entry struct{ en, es string }

func tr(l i18n.Lang, k key) string {
	e, ok := strs[k]
	if !ok {
		return string(k)
	}
	if l == i18n.ES {
		return e.es
	}
	return e.en
}

func trf(l i18n.Lang, k key, args ...any) string { return fmt.Sprintf(tr(l, k), args...) }

const (
	keySource         key = "footer.source"
	keyScenario       key = "footer.scenario"
	keySharesTitle    key = "shares.title"
	keySharesTitleNo  key = "shares.title.noclaim"
	keySharesSub      key = "shares.sub"
	keySharesAxis     key = "shares.axis"
	keyCounted        key = "counted"
	keyCountedOf      key = "counted.of"
	keyCountedN       key = "counted.n"
	keyOthers         key = "others"
	keyRegionsTitle   key = "regions.title"
	keyRegionsSub     key = "regions.sub"
	keyRegionsTop     key = "regions.top"
	keyRegionsAxis    key = "regions.axis"
	keyLeads          key = "leads"
	keyBETitle        key = "be.title"
	keyBETitleLocked  key = "be.title.locked"
	keyBESub          key = "be.sub"
	keyBEX            key = "be.x"
	keyBEY            key = "be.y"
	keyBEPoint        key = "be.point"
	keyBEImpossible   key = "be.impossible"
	keyBECounted      key = "be.counted"
	keyMCTitle        key = "mc.title"
	keyMCSub          key = "mc.sub"
	keyMCTitleAll     key = "mc.title.all"
	keyMCTitleNone    key = "mc.title.none"
	keyMCTitleAbove   key = "mc.title.above"
	keyMCTitleBelow   key = "mc.title.below"
	keyMCTitleFew     key = "mc.title.few"
	keyMCX            key = "mc.x"
	keyMCY            key = "mc.y"
	keyMCMedian       key = "mc.median"
	keyMCInterval     key = "mc.interval"
	keyFPTitle        key = "fp.title"
	keyFPSub          key = "fp.sub"
	keyFPX            key = "fp.x"
	keyFPY            key = "fp.y"
	keyFPScale        key = "fp.scale"
	keyFPExcluded     key = "fp.excluded"
	keyFPMode         key = "fp.mode"
	keyDigitsTitle    key = "digits.title"
	keyDigitsSub      key = "digits.sub"
	keyDigitsX        key = "digits.x"
	keyDigitsY        key = "digits.y"
	keyDigitsLaw      key = "digits.law"
	keyDigitsObs      key = "digits.observed"
	keyDigitsLast     key = "digits.last"
	keyDigitsSecond   key = "digits.second"
	keyDigitsUniform  key = "digits.uniform"
	keyDigitsBenford  key = "digits.benford"
	keyDigitsStat     key = "digits.stat"
	keyDigitsStatBoth key = "digits.stat.both"
	keyDigitsBinomial key = "digits.binomial"
	keyDigitsUniformP key = "digits.uniform.p"
	keyDigitsBenfordP key = "digits.benford.p"
	keyDigitsCaveat   key = "digits.caveat"
	keySwingTitle     key = "swing.title"
	keySwingTitleWin  key = "swing.title.units"
	keySwingSub       key = "swing.sub"
	keySwingStandIn   key = "swing.standin"
	keySwingX         key = "swing.x"
	keySwingY         key = "swing.y"
	keySwingNow       key = "swing.now"
	keySwingFlip      key = "swing.flip"
	keySwingHalf      key = "swing.half"
	keySeats          key = "seats"
	keyShareOfValid   key = "share.valid"
	keyProjected      key = "projected"
	keyProjectedSub   key = "projected.sub"
	keyRegionsProj    key = "regions.sub.projected"
	keyRuleLike       key = "rule.like"
	keyRuleSplit      key = "rule.split"
	keyRuleWorst      key = "rule.worst"
	keyRuleClaim      key = "rule.claim"
	keyRuleNone       key = "rule.none"
	keyMarginPP       key = "margin.pp"

	keyMapLeaderTitle   key = "map.title.leader"
	keyMapShiftTitle    key = "map.title.shift"
	keyMapCoverageTitle key = "map.title.coverage"
	keyMapTurnoutTitle  key = "map.title.turnout"
	keyMapDrawn         key = "map.drawn"
	keyMapTilesEqual    key = "map.tiles.equal"
	keyMapTilesSized    key = "map.tiles.sized"
	keyMapUnknown       key = "map.unknown"
	keyMapLeadBy        key = "map.leadby"
	keyMapAhead         key = "map.ahead"
	keyMapNoData        key = "map.nodata"
	keyMapToward        key = "map.toward"
)

var strs = map[key]entry{
	keyMapLeaderTitle:   {"Who leads in each %s, and by how much", "Quién gana en cada %s, y por cuánto"},
	keyMapShiftTitle:    {"%s vs %s: how the scenario moves the margin, by %s", "%s frente a %s: cuánto mueve el escenario el margen, por %s"},
	keyMapCoverageTitle: {"Share of the expected units counted, by %s", "Porcentaje de las unidades esperadas contadas, por %s"},
	keyMapTurnoutTitle:  {"Turnout by %s", "Participación por %s"},
	keyMapDrawn:         {"%s of %s %s drawn. Without a shape: %s. Shapes without data: %s.", "%s de %s %s dibujados. Sin forma: %s. Formas sin datos: %s."},
	keyMapTilesEqual:    {"One equal tile per area, placed near its shape.", "Una casilla igual por área, cerca de su forma."},
	keyMapTilesSized:    {"Tiles sized by valid votes, placed near their shapes.", "Casillas según los votos válidos, cerca de sus formas."},
	keyMapUnknown:       {"%d in grey: the data cannot say.", "%d en gris: los datos no lo dicen."},
	keyMapLeadBy:        {"%s leads by (pp)", "Gana %s por (pp)"},
	keyMapAhead:         {"%s ahead", "Adelante %s"},
	keyMapNoData:        {"No data", "Sin datos"},
	keyMapToward:        {"Moves toward %s", "Se mueve hacia %s"},
	keySource:           {"Source", "Fuente"},
	keyScenario:         {"Scenario", "Escenario"},
	keySharesTitle:      {"Counted votes against announced results", "Votos contados frente a los resultados anunciados"},
	keySharesTitleNo:    {"Share of the valid vote, as counted", "Porcentaje de los votos válidos, según el conteo"},
	keySharesSub:        {"Share of valid votes. %s", "Porcentaje de los votos válidos. %s"},
	keySharesAxis:       {"Share of valid votes", "Porcentaje de los votos válidos"},
	keyCounted:          {"Counted", "Conteo"},
	keyCountedOf:        {"%s: %s of %s %s (%s).", "%s: %s de %s %s (%s)."},
	keyCountedN:         {"%s: %s %s.", "%s: %s %s."},
	keyOthers:           {"Others", "Otros"},
	keyRegionsTitle:     {"%s vs %s: margin by %s", "%s frente a %s: margen por %s"},
	keyRegionsSub:       {"Percentage points of the valid vote in %s %s %s. %s leads in %d of %d.", "Puntos porcentuales de los votos válidos en %s %s %s. %s gana en %d de %d."},
	keyRegionsTop:       {"The %d largest of %d by valid votes.", "Los %d mayores de %d por votos válidos."},
	keyRegionsAxis:      {"Margin (percentage points)", "Margen (puntos porcentuales)"},
	keyLeads:            {"%s leads", "Gana %s"},
	keyBETitle:          {"%s needs %s of the remaining votes to tie", "%s necesita el %s de los votos restantes para empatar"},
	keyBETitleLocked:    {"%s cannot catch up: a tie needs %s of the remaining votes", "%s no puede alcanzarlo: empatar exige el %s de los votos restantes"},
	keyBESub:            {"Final margin of %s over %s if %s takes a given share of the %s valid votes estimated in %s missing %s (%s); other candidates keep their counted share.", "Margen final de %s sobre %s si %s obtiene una parte dada de los %s votos válidos estimados en %s %s faltantes (%s); los demás candidatos mantienen su porcentaje contado."},
	keyBEX:              {"%s's share of the remaining votes", "Porcentaje de %s en los votos restantes"},
	keyBEY:              {"Final margin (votes)", "Margen final (votos)"},
	keyBEPoint:          {"break-even %s", "punto de empate %s"},
	keyBEImpossible:     {"impossible: more votes than\nthe other candidates leave", "imposible: más votos de los que\ndejan los demás candidatos"},
	keyBECounted:        {"counted share %s", "porcentaje contado %s"},
	keyMCTitle:          {"%s wins in %s of %s simulated counts (Monte Carlo error ±%s points)", "%s gana en el %s de %s conteos simulados (error de Monte Carlo ±%s puntos)"},
	keyMCTitleNone:      {"%s wins in none of %s simulated counts", "%s no gana en ninguno de %s conteos simulados"},
	keyMCTitleAbove:     {"%s wins in more than 99.9%% of %s simulated counts", "%s gana en más del 99,9\u00a0%% de %s conteos simulados"},
	keyMCTitleBelow:     {"%s wins in fewer than 0.1%% of %s simulated counts", "%s gana en menos del 0,1\u00a0%% de %s conteos simulados"},
	keyMCTitleFew:       {"Too few simulated counts to state a probability (%s; at least %s are needed)", "Demasiado pocos conteos simulados para dar una probabilidad (%s; hacen falta al menos %s)"},
	keyMCSub:            {"Margin of %s over %s when each missing %s is predicted from the counted ones, with errors measured on them and shared regional shocks (seed %d). Shaded: 50%% and %s intervals.", "Margen de %s sobre %s cuando cada %s faltante se predice a partir de las unidades contadas, con errores medidos en ellas y choques regionales comunes (semilla %d). Sombreado: intervalos del 50\u00a0%% y del %s."},
	keyMCTitleAll:       {"%s wins in all %s simulated counts", "%s gana en los %s conteos simulados"},
	keyMCX:              {"Final margin (percentage points of the valid vote)", "Margen final (puntos porcentuales de los votos válidos)"},
	keyMCY:              {"Simulated counts", "Conteos simulados"},
	keyMCMedian:         {"median %s", "mediana %s"},
	keyMCInterval:       {"%s interval", "intervalo del %s"},
	keyFPTitle:          {"Election fingerprint: turnout against %s's share", "Huella electoral: participación frente al porcentaje de %s"},
	keyFPSub:            {"%s by turnout and by %s's share of valid votes, in %s: %s with known registered voters", "%s según la participación y el porcentaje de %s en los votos válidos, en %s: %s con electores inscritos conocidos"},
	keyFPX:              {"Turnout", "Participación"},
	keyFPY:              {"%s's share of valid votes", "Porcentaje de %s en los votos válidos"},
	keyFPScale:          {"%s per cell", "%s por celda"},
	keyFPExcluded:       {", %s left out", ", %s fuera del gráfico"},
	keyFPMode:           {"A shape calls for an explanation, not a verdict.", "Una forma pide una explicación, no un veredicto."},
	keyDigitsTitle:      {"%s: observed against the expected law", "%s: observado frente a la ley esperada"},
	keyDigitsLast:       {"Last digit of the vote counts", "Último dígito de los conteos de votos"},
	keyDigitsSecond:     {"Second digit of the vote counts", "Segundo dígito de los conteos de votos"},
	keyDigitsUniform:    {"uniform, 10% each", "uniforme, 10\u00a0% cada uno"},
	keyDigitsBenford:    {"Benford's second-digit law", "ley de Benford del segundo dígito"},
	keyDigitsStat:       {"%s: %s counts, chi² = %s (%d df), p %s.", "%s: %s conteos, chi² = %s (%d g.l.), p %s."},
	keyDigitsStatBoth:   {"%s: %s counts, p %s against %s, p %s against the binomial null.", "%s: %s conteos, p %s frente a %s, p %s frente al nulo binomial."},
	keyDigitsUniformP:   {"uniform digits", "dígitos uniformes"},
	keyDigitsBenfordP:   {"Benford's law", "la ley de Benford"},
	keyDigitsBinomial:   {"Binomial null: what honest counts of this size give", "Nulo binomial: lo que dan conteos honestos de este tamaño"},
	keyDigitsCaveat:     {"A small p is a reason to look closer, not proof of fraud.", "Una p pequeña es motivo para mirar de cerca, no prueba de fraude."},
	keyDigitsX:          {"Digit", "Dígito"},
	keyDigitsY:          {"Share of counts", "Porcentaje de los conteos"},
	keyDigitsLaw:        {"Expected: %s", "Esperado: %s"},
	keyDigitsObs:        {"Observed", "Observado"},
	keySwingTitle:       {"Seats won as %s gains or loses ground", "Escaños ganados según %s gane o pierda terreno"},
	keySwingTitleWin:    {"%s as %s gains or loses ground", "%s según %s gane o pierda terreno"},
	keySwingHalf:        {"half of %s", "mitad de %s"},
	keySeats:            {"Seats", "Escaños"},
	keySwingSub:         {"Uniform swing: the same points of the valid vote move from %s to %s in every unit. %s", "Cambio uniforme: los mismos puntos de los votos válidos pasan de %s a %s en cada unidad. %s"},
	keySwingStandIn:     {"Each %s stands in for a seat (one winner per unit, first past the post); this data has no constituencies.", "Cada %s hace de escaño (un ganador por unidad, mayoría simple); estos datos no tienen circunscripciones."},
	keySwingX:           {"Swing to %s (percentage points)", "Cambio hacia %s (puntos porcentuales)"},
	keySwingY:           {"%s won", "%s ganados"},
	keySwingNow:         {"as counted", "según el conteo"},
	keySwingFlip:        {"the lead changes at %s", "el liderazgo cambia en %s"},
	keyProjected:        {"Projected", "Proyección"},
	keyProjectedSub:     {"Projected: %s.", "Proyección: %s."},
	keyRegionsProj:      {"Percentage points of the valid vote, counted and projected (%s). %s leads in %d of %d.", "Puntos porcentuales de los votos válidos, contados y proyectados (%s). %s gana en %d de %d."},
	keyRuleLike:         {"each missing %s votes like its region", "cada %s faltante vota como su región"},
	keyRuleSplit:        {"a fixed split in the missing %s", "reparto fijo en las unidades faltantes (%s)"},
	keyRuleWorst:        {"worst case for the leader in every missing %s", "el peor caso para quien lidera en cada %s faltante"},
	keyRuleClaim:        {"the missing %s hold what the claim implies", "las unidades faltantes (%s) contienen lo que implica el anuncio"},
	keyRuleNone:         {"the stated swing or turnout change in the counted %s", "cambio de voto o de participación indicado, en las unidades contadas (%s)"},
	keyShareOfValid:     {"share of valid votes", "porcentaje de los votos válidos"},
	keyMarginPP:         {"margin", "margen"},
}

// levelNames translates the level names the loaders use; other names are
// shown as they are.
var levelNames = map[string][2]entry{
	// singular, plural
	"table":        {{"table", "mesa"}, {"tables", "mesas"}},
	"county":       {{"county", "condado"}, {"counties", "condados"}},
	"state":        {{"state", "estado"}, {"states", "estados"}},
	"municipality": {{"municipality", "municipio"}, {"municipalities", "municipios"}},
	"parish":       {{"parish", "parroquia"}, {"parishes", "parroquias"}},
	"centre":       {{"centre", "centro"}, {"centres", "centros"}},
	"unit":         {{"unit", "unidad"}, {"units", "unidades"}},
	"precinct":     {{"precinct", "recinto"}, {"precincts", "recintos"}},
	"district":     {{"district", "distrito"}, {"districts", "distritos"}},
	"constituency": {{"constituency", "circunscripción"}, {"constituencies", "circunscripciones"}},
}

// levelName returns a level's name in language l, plural when plural is
// set.
func levelName(l i18n.Lang, name string, plural bool) string {
	n := strings.ToLower(strings.TrimSpace(name))
	if n == "" {
		n = "unit"
	}
	if e, ok := levelNames[n]; ok {
		i := 0
		if plural {
			i = 1
		}
		if l == i18n.ES {
			return e[i].es
		}
		return e[i].en
	}
	if plural && l == i18n.EN && !strings.HasSuffix(n, "s") {
		return n + "s"
	}
	return n
}

// claimLabels translates the labels of claims known to the loaders.
var claimLabels = map[string]string{
	"CNE 1st bulletin": "CNE, 1.er boletín",
	"CNE 2nd bulletin": "CNE, 2.º boletín",
}

// claimLabel returns a claim's label in language l.
func claimLabel(l i18n.Lang, s string) string {
	if l == i18n.ES {
		if t, ok := claimLabels[s]; ok {
			return t
		}
	}
	return s
}

// feminine lists the Spanish level names that take feminine adjectives.
var feminine = map[string]bool{"mesa": true, "mesas": true, "parroquia": true, "parroquias": true,
	"unidad": true, "unidades": true, "circunscripción": true, "circunscripciones": true}

// countedWords returns the article and the participle that go with a
// plural level name in language l: "the", "counted" in English; "las",
// "contadas" for "mesas" and "los", "contados" for "condados" in Spanish.
func countedWords(l i18n.Lang, name string) (art, participle string) {
	if l == i18n.ES {
		return article(name), counted(name, true)
	}
	return "the", "counted"
}

// counted returns the Spanish participle "contado" agreeing with a
// translated level name: contadas for "mesas", contados for "condados".
func counted(esName string, plural bool) string {
	w := "contado"
	if feminine[esName] {
		w = "contada"
	}
	if plural {
		w += "s"
	}
	return w
}

// article returns the Spanish definite article for a plural level name.
func article(esName string) string {
	if feminine[esName] {
		return "las"
	}
	return "los"
}

// capital returns s with its first letter in upper case.
func capital(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// ruleLabel describes a missing-unit rule in a phrase.
func ruleLabel(l i18n.Lang, m scenario.Missing, unitLevel string) string {
	one := levelName(l, unitLevel, false)
	many := levelName(l, unitLevel, true)
	switch m {
	case scenario.MissingLikeRegion:
		return trf(l, keyRuleLike, one)
	case scenario.MissingSplit:
		return trf(l, keyRuleSplit, many)
	case scenario.MissingWorstCase:
		return trf(l, keyRuleWorst, one)
	case scenario.MissingClaim:
		return trf(l, keyRuleClaim, many)
	}
	return trf(l, keyRuleNone, many)
}
