package i18n

// Keys of the app's Checks view (the forensic checks).
const (
	TabChecks        Key = "tab.checks"
	CkTitle          Key = "checks.title"
	CkIntro          Key = "checks.intro"
	CkFPTitle        Key = "checks.fp.title"
	CkFPAxisX        Key = "checks.fp.x"
	CkFPAxisY        Key = "checks.fp.y"
	CkFPSummary      Key = "checks.fp.summary"
	CkFPNone         Key = "checks.fp.none"
	CkFPCaveat       Key = "checks.fp.caveat"
	CkLastTitle      Key = "checks.last.title"
	CkLastLine       Key = "checks.last.line"
	CkLastLegend     Key = "checks.last.legend"
	CkLastCaveat     Key = "checks.last.caveat"
	CkSecondTitle    Key = "checks.second.title"
	CkSecondLine     Key = "checks.second.line"
	CkSecondLegend   Key = "checks.second.legend"
	CkSecondCaveat   Key = "checks.second.caveat"
	CkDigitsNone     Key = "checks.digits.none"
	CkRoundTitle     Key = "checks.round.title"
	CkRoundLine      Key = "checks.round.line"
	CkRoundFlagged   Key = "checks.round.flagged"
	CkRoundNoneRound Key = "checks.round.noneround"
	CkRoundNone      Key = "checks.round.none"
	CkRoundCaveat    Key = "checks.round.caveat"
	CkSameAsCommand  Key = "checks.same"
	CkPLess          Key = "checks.pless"
	CkPEquals        Key = "checks.pequals"
	CkFlagsTitle     Key = "checks.flags.title"
	CkFlagsNone      Key = "checks.flags.none"
	CkFlagSlope      Key = "checks.flags.slope"
	CkFlagLast       Key = "checks.flags.last"
	CkFlagSecond     Key = "checks.flags.second"
	CkFlagSpikes     Key = "checks.flags.spikes"
	CkFlagsCaveat    Key = "checks.flags.caveat"
	CkTurnout        Key = "checks.turnout"
	CkShare          Key = "checks.share"
)

var checkStrings = map[Key]entry{
	TabChecks: {"Checks", "Pruebas"},
	CkTitle:   {"Checks of the counts", "Pruebas sobre los conteos"},
	CkIntro: {"Statistical checks, not verdicts: each compares the counts with what honest counting gives under a simple model. An unusual result is a reason to ask for the records behind the figures, not proof of fraud; a usual one does not certify the count.",
		"Pruebas estadísticas, no veredictos: cada una compara los conteos con lo que da un conteo honesto según un modelo simple. Un resultado inusual es motivo para pedir los registros detrás de las cifras, no prueba de fraude; uno normal no certifica el conteo."},
	CkFPTitle:   {"Fingerprint: turnout × %s's share", "Huella: participación × porcentaje de %s"},
	CkFPAxisX:   {"turnout →", "participación →"},
	CkFPAxisY:   {"↑ share", "↑ porcentaje"},
	CkFPSummary: {"%s. Fullest cell: turnout %s–%s, share %s–%s (%s). Turnout and share both at least 95%%: %s.", "%s. Celda más llena: participación %s–%s, porcentaje %s–%s (%s). Participación y porcentaje ambos de al menos 95\u00a0%%: %s."},
	CkFPNone:    {"No fingerprint: %s", "Sin huella: %s"},
	CkFPCaveat: {"Honest counts usually form one compact cloud. A smear towards the top right corner, or a cluster near 100% turnout and 100% share, is what ballot stuffing leaves, but strongholds and small places can do the same: a shape calls for an explanation, not a verdict.",
		"Los conteos honestos suelen formar una nube compacta. Una mancha hacia la esquina superior derecha, o un grupo cerca del 100 % de participación y del 100 % del porcentaje, es lo que deja el relleno de urnas, pero los bastiones y los lugares pequeños pueden hacer lo mismo: una forma pide una explicación, no un veredicto."},
	CkLastTitle:  {"Last digits of the counts", "Últimos dígitos de los conteos"},
	CkLastLine:   {"%s: %s counts; against the binomial null %s, against uniform digits %s.", "%s: %s conteos; frente al nulo binomial %s, frente a dígitos uniformes %s."},
	CkLastLegend: {"Bars: the share of counts ending in each digit. Black marks: what honest counting of counts of this size gives (the binomial null). Grey marks: 10%.", "Barras: la parte de los conteos que termina en cada dígito. Marcas negras: lo que da un conteo honesto de conteos de este tamaño (el nulo binomial). Marcas grises: 10\u00a0%."},
	CkLastCaveat: {"Made-up numbers tend to have uneven last digits, but so do small counts close to their minimum; the binomial null allows for that, uniform digits do not. A small p says the digits are unusual, not who made them so.",
		"Los números inventados suelen tener últimos dígitos desiguales, pero también los conteos pequeños cerca de su mínimo; el nulo binomial lo tiene en cuenta, los dígitos uniformes no. Una p pequeña dice que los dígitos son inusuales, no quién los hizo así."},
	CkSecondTitle:  {"Second digits (Benford's law)", "Segundos dígitos (ley de Benford)"},
	CkSecondLine:   {"%s: %s counts; against the binomial null %s, against Benford's law %s.", "%s: %s conteos; frente al nulo binomial %s, frente a la ley de Benford %s."},
	CkSecondLegend: {"Bars: the share of counts with each second digit. Black marks: the binomial null. Grey marks: Benford's law.", "Barras: la parte de los conteos con cada segundo dígito. Marcas negras: el nulo binomial. Marcas grises: la ley de Benford."},
	CkSecondCaveat: {"Benford's law describes numbers that span many orders of magnitude; one table's count does not, so honest data departs from it too. The binomial null is the fairer yardstick.",
		"La ley de Benford describe números que abarcan muchos órdenes de magnitud; el conteo de una mesa no, así que los datos honestos también se apartan de ella. El nulo binomial es la vara de medir más justa."},
	CkDigitsNone:     {"No digit test: %s", "Sin prueba de dígitos: %s"},
	CkRoundTitle:     {"Round percentages in announced totals", "Porcentajes redondos en los totales anunciados"},
	CkRoundLine:      {"%s: %d of %d counts are exactly round percentages of the total, %s; if they had been counted vote by vote, that happens about 1 in %s.", "%s: %d de %d conteos son porcentajes exactamente redondos del total, %s; si se hubieran contado voto a voto, eso pasa alrededor de 1 vez en %s."},
	CkRoundNoneRound: {"%s: none of its %d counts is an exactly round percentage of the total, %s.", "%s: ninguno de sus %d conteos es un porcentaje exactamente redondo del total, %s."},
	CkRoundFlagged:   {"Unusually round.", "Inusualmente redondo."},
	CkRoundNone:      {"%s: %s", "%s: %s"},
	CkRoundCaveat: {"This says how unusual the figures would be if they had been counted vote by vote; it is not the probability of fraud. Exactly round counts are what is left when percentages are fixed first and the votes worked out from them.",
		"Esto dice cuán inusuales serían las cifras si se hubieran contado voto a voto; no es la probabilidad de fraude. Los conteos exactamente redondos son lo que queda cuando primero se fijan los porcentajes y luego se calculan los votos a partir de ellos."},
	CkSameAsCommand: {"The same checks, with more detail: tallyscope forensics.", "Las mismas pruebas, con más detalle: tallyscope forensics."},
	CkPLess:         {"p < %s", "p < %s"},
	CkPEquals:       {"p = %s", "p = %s"},
	CkFlagsTitle:    {"Flags", "Señales"},
	CkFlagsNone:     {"No check passes its threshold.", "Ninguna prueba pasa su umbral."},
	CkFlagSlope:     {"Turnout–share slope within regions, %s: %s standard errors above the share (threshold %s).", "Pendiente participación–porcentaje dentro de las regiones, %s: %s errores estándar por encima del porcentaje (umbral %s)."},
	CkFlagLast:      {"Last digits, %s: %s (binomial null), under the threshold of 0.001.", "Últimos dígitos, %s: %s (nulo binomial), bajo el umbral de 0,001."},
	CkFlagSecond:    {"Second digits, %s: %s (binomial null), under the threshold of 0.001.", "Segundos dígitos, %s: %s (nulo binomial), bajo el umbral de 0,001."},
	CkFlagSpikes:    {"Spikes at whole percentages of %s, %s: %s, under the threshold of 0.001.", "Picos en porcentajes enteros de %s, %s: %s, bajo el umbral de 0,001."},
	CkFlagsCaveat:   {"A flag is a reason to look at the records behind the figures, not a finding of fraud: a stronghold where turnout and the winner's share rise together gives a steep slope too.", "Una señal es motivo para mirar los registros detrás de las cifras, no una prueba de fraude: un bastión donde la participación y el porcentaje del ganador suben juntos también da una pendiente pronunciada."},
	CkTurnout:       {"turnout", "participación"},
	CkShare:         {"share", "porcentaje"},
}

// Odds writes a large number for a sentence: "101.2 million", "101,2
// millones".
func (l Lang) Odds(x float64) string { return l.odds(x) }
