package i18n

// Keys of the user-visible strings.
const (
	AppName            Key = "app.name"
	TabOverview        Key = "tab.overview"
	TabScenario        Key = "tab.scenario"
	TabRegions         Key = "tab.regions"
	TabUnits           Key = "tab.units"
	TabUncertain       Key = "tab.uncertainty"
	BtnOpen            Key = "btn.open"
	BtnCopyLink        Key = "btn.copylink"
	BtnEmbed           Key = "btn.embed"
	BtnLang            Key = "btn.lang"
	BtnReset           Key = "btn.reset"
	BtnOpenShort       Key = "btn.open.short"
	BtnLinkShort       Key = "btn.link.short"
	BtnLangShort       Key = "btn.lang.short"
	MsgCopied          Key = "msg.copied"
	MsgEmbedCopy       Key = "msg.embedcopied"
	MsgLoaded          Key = "msg.loaded"
	MsgBadFile         Key = "msg.badfile"
	MsgMapping         Key = "msg.mapping"
	MsgMappingUsed     Key = "msg.mappingused"
	MsgKeysHint        Key = "msg.keyshint"
	CountedVotes       Key = "ov.counted"
	Projected          Key = "ov.projected"
	Leads              Key = "ov.leads"
	Tie                Key = "ov.tie"
	MarginLine         Key = "ov.margin"
	Coverage           Key = "ov.coverage"
	CovUnits           Key = "ov.cov.units"
	CovRegistered      Key = "ov.cov.registered"
	CovVotes           Key = "ov.cov.votes"
	CovOf              Key = "ov.cov.of"
	CovUnknown         Key = "ov.cov.unknown"
	CovNoTotal         Key = "ov.cov.nototal"
	Claims             Key = "ov.claims"
	ShareOfValid       Key = "ov.shareofvalid"
	Others             Key = "ov.others"
	ScMissing          Key = "sc.missing"
	ScNoMissing        Key = "sc.nomissing"
	ScHow              Key = "sc.how"
	ModeLike           Key = "sc.mode.like"
	ModeSplit          Key = "sc.mode.split"
	ModeWorst          Key = "sc.mode.worst"
	ModeClaim          Key = "sc.mode.claim"
	ScSplit            Key = "sc.split"
	ScBreakEven        Key = "sc.breakeven"
	ScNoBreakEven      Key = "sc.nobreakeven"
	ScTurnout          Key = "sc.turnout"
	ScFull             Key = "sc.full"
	ModeCounted        Key = "sc.mode.counted"
	ScCountedDesc      Key = "sc.counted.desc"
	ScSplitDesc        Key = "sc.split.desc"
	ScResult           Key = "sc.result"
	UnVotes            Key = "un.votes"
	UnTurnoutVal       Key = "un.turnoutval"
	Close              Key = "close"
	ClaimedCol         Key = "ov.claimedcol"
	CountedCol         Key = "ov.countedcol"
	RgMargin           Key = "rg.margin"
	RgCoverage         Key = "rg.coverage"
	RgName             Key = "rg.name"
	RgShare            Key = "rg.share"
	UnLeads            Key = "un.leads"
	ScSwing            Key = "sc.swing"
	ScClaim            Key = "sc.claim"
	ScStillAhead       Key = "sc.stillahead"
	ScOvertakes        Key = "sc.overtakes"
	ScTied             Key = "sc.tied"
	ScImpossNeg        Key = "sc.impossible.neg"
	ScImpossTurn       Key = "sc.impossible.turnout"
	ScImpossShare      Key = "sc.impossible.share"
	ScImpossBelow      Key = "sc.impossible.below"
	ScWorstDesc        Key = "sc.worst.desc"
	ScLikeDesc         Key = "sc.like.desc"
	ScClaimDesc        Key = "sc.claim.desc"
	RgNation           Key = "rg.nation"
	RgSearch           Key = "rg.search"
	RgSearchHint       Key = "rg.searchhint"
	RgNoMatch          Key = "rg.nomatch"
	RgUnitsCount       Key = "rg.units"
	RgUnitsOne         Key = "rg.units.one"
	RgMore             Key = "rg.more"
	UnTitle            Key = "un.title"
	UnTitleVotes       Key = "un.title.votes"
	UnXTurnout         Key = "un.x.turnout"
	UnXVotes           Key = "un.x.votes"
	UnYShare           Key = "un.y.share"
	UnNoTurnout        Key = "un.noturnout"
	UnAggregated       Key = "un.aggregated"
	UnOpenSheet        Key = "un.opensheet"
	UnSummedReg        Key = "un.summedreg"
	UnSummedNoReg      Key = "un.summednoreg"
	UnHoverHint        Key = "un.hoverhint"
	McTitle            Key = "mc.title"
	McProgress         Key = "mc.progress"
	McWinAll           Key = "mc.win.all"
	McWinNone          Key = "mc.win.none"
	McWinAbove         Key = "mc.win.above"
	McWinBelow         Key = "mc.win.below"
	McWinShare         Key = "mc.win.share"
	McModel            Key = "mc.model"
	McModelVolume      Key = "mc.model.volume"
	McModelTotals      Key = "mc.model.totals"
	ImpossibleTag      Key = "impossible"
	McInterval         Key = "mc.interval"
	McLikeOnly         Key = "mc.likeonly"
	McXAxis            Key = "mc.xaxis"
	HelpTitle          Key = "help.title"
	HelpTab            Key = "help.tab"
	HelpArrows         Key = "help.arrows"
	HelpEnter          Key = "help.enter"
	HelpDigits         Key = "help.digits"
	HelpEsc            Key = "help.esc"
	HelpHelp           Key = "help.help"
	HelpDrop           Key = "help.drop"
	EmbedTitle         Key = "embed.title"
	DataLabel          Key = "data.label"
	SourceLabel        Key = "data.source"
	BtnSave            Key = "btn.save"
	BtnSaveShort       Key = "btn.save.short"
	MsgSaving          Key = "msg.saving"
	MsgSaved           Key = "msg.saved"
	MsgSaveFailed      Key = "msg.savefailed"
	MsgColumns         Key = "msg.columns"
	MsgLinkBad         Key = "msg.linkbad"
	MsgLinkData        Key = "msg.linkdata"
	MsgLinkExtra       Key = "msg.linkextra"
	ScBEOver           Key = "sc.breakeven.over"
	ScBELocked         Key = "sc.breakeven.locked"
	HelpSave           Key = "help.save"
	CovExpected        Key = "ov.cov.expected"
	MsgUnrecognised    Key = "msg.unrecognised"
	MsgIsMapping       Key = "msg.ismapping"
	MrCandidate        Key = "mirror.candidate"
	MsgTouchHint       Key = "msg.touchhint"
	MsgLinkLocal       Key = "msg.linklocal"
	MsgSheetsFailed    Key = "msg.sheetsfailed"
	MsgNoLesson        Key = "msg.nolesson"
	UnStrip            Key = "units.strip"
	MsgNoMystery       Key = "msg.nomystery"
	MyHeading          Key = "mystery.heading"
	MyCandidate        Key = "mystery.candidate"
	MyIntro            Key = "mystery.intro"
	MyBanner           Key = "mystery.banner"
	MyReveal           Key = "mystery.reveal"
	MyClose            Key = "mystery.close"
	MyRevealed         Key = "mystery.revealed"
	MyStuffed          Key = "mystery.stuffed"
	MyClean            Key = "mystery.clean"
	MyPresetClean      Key = "mystery.preset.clean"
	MyPresetLight      Key = "mystery.preset.light"
	MyPresetHeavy      Key = "mystery.preset.heavy"
	MyPresetSwing      Key = "mystery.preset.swing"
	MyPresetLandslide  Key = "mystery.preset.landslide"
	HelpProjector      Key = "help.projector"
	BtnProjector       Key = "button.projector"
	LsKicker           Key = "lesson.kicker"
	LsBack             Key = "lesson.back"
	LsNext             Key = "lesson.next"
	LsClose            Key = "lesson.close"
	LsQuestion         Key = "lesson.question"
	LsHeading          Key = "lesson.heading"
	LsIntro            Key = "lesson.intro"
	ScClaimPartialDesc Key = "scenario.claim.partial.desc"
)

var appStrings = map[Key]entry{
	MrCandidate:        {"Candidate", "Candidato"},
	MsgTouchHint:       {"Tap a tab or a control; drag the sliders.", "Toque una pestaña o un control; arrastre los deslizadores."},
	ScClaimPartialDesc: {"The claim counts only %s of the {u}: it is checked against the counted {u} it must share with them, and fills none of the missing ones.", "El anuncio cuenta solo el %s de {las} {u}: se contrasta con {las} {u} contad{as} que debe compartir, y no llena ninguna de {las} que faltan."},
	BtnProjector:       {"Projector", "Proyector"},
	HelpProjector:      {"P or Projector: large type and high contrast for a classroom screen (not while typing a search).", "P o Proyector: letra grande y alto contraste para la pantalla de un aula (no mientras se escribe una búsqueda)."},
	MsgNoMystery:       {"No mystery election: %s", "No hay elección misteriosa: %s"},
	MyHeading:          {"Mystery elections", "Elecciones misteriosas"},
	MyCandidate:        {"Candidate %s", "Candidato %s"},
	MyIntro:            {"A made-up election whose settings stay hidden until you reveal them: the class explores it with every view and decides whether it looks natural. Share the link: every student gets the same election.", "Una elección inventada cuyos ajustes quedan ocultos hasta que usted los revele: la clase la explora con todas las vistas y decide si parece natural. Comparta el enlace: cada estudiante recibe la misma elección."},
	MyBanner:           {"A mystery election: its settings are hidden. Explore it with every view; does it look natural?", "Una elección misteriosa: sus ajustes están ocultos. Explórela con todas las vistas; ¿parece natural?"},
	MyReveal:           {"Reveal the settings", "Revelar los ajustes"},
	MyClose:            {"Back to the real data", "Volver a los datos reales"},
	MyRevealed:         {"Preset: %s. Fair turnout %s; %s's fair share %s.", "Preajuste: %s. Participación limpia %s; porcentaje limpio de %s: %s."},
	MyStuffed:          {"Ballot stuffing for %s in %s of the {u} (a few votes added) and %s (nearly all the non-voters' ballots).", "Relleno de urnas a favor de %s en el %s de {las} {u} (unos pocos votos añadidos) y el %s (casi todas las papeletas de quienes no votaron)."},
	MyClean:            {"No ballot stuffing.", "Sin relleno de urnas."},
	MyPresetClean:      {"Clean", "Limpia"},
	MyPresetLight:      {"Lightly stuffed", "Poco rellenada"},
	MyPresetHeavy:      {"Heavily stuffed", "Muy rellenada"},
	MyPresetSwing:      {"Swing state", "Muy reñida"},
	MyPresetLandslide:  {"Landslide", "Aplastante"},
	UnStrip:            {"← turnout unknown", "← participación desconocida"},
	MsgNoLesson:        {"There is no lesson “%s” here.", "Aquí no hay ninguna lección «%s»."},
	LsKicker:           {"Lesson: %s · step %d of %d", "Lección: %s · paso %d de %d"},
	LsBack:             {"‹ Back", "‹ Atrás"},
	LsNext:             {"Next ›", "Siguiente ›"},
	LsClose:            {"Close lesson", "Cerrar lección"},
	LsQuestion:         {"Question: %s", "Pregunta: %s"},
	LsHeading:          {"Lessons for a class", "Lecciones para una clase"},
	LsIntro:            {"Guided steps through this data, with a question for the class at each. Page Down and Page Up (or a clicker) move between the steps.", "Pasos guiados por estos datos, con una pregunta para la clase en cada uno. Av Pág y Re Pág (o un presentador) pasan de un paso a otro."},
	MsgSheetsFailed:    {"The links to the scanned tally sheets could not be loaded: %s", "No se pudieron cargar los enlaces a las actas escaneadas: %s"},
	MsgLinkLocal:       {"Link copied, but %s is only in this browser: the link opens %s. Publish the file to share it.", "Enlace copiado, pero %s solo está en este navegador: el enlace abre %s. Publique el archivo para compartirlo."},
	AppName:            {"Tallyscope", "Tallyscope"},
	TabOverview:        {"Overview", "Resumen"},
	TabScenario:        {"Scenario", "Escenario"},
	TabRegions:         {"Regions", "Regiones"},
	TabUnits:           {"{U}", "{U}"},
	TabUncertain:       {"Uncertainty", "Incertidumbre"},
	BtnOpen:            {"Open file", "Abrir archivo"},
	BtnCopyLink:        {"Copy link", "Copiar enlace"},
	BtnEmbed:           {"Embed", "Insertar"},
	BtnLang:            {"Español", "English"},
	BtnReset:           {"Reset", "Restablecer"},
	BtnOpenShort:       {"Open", "Abrir"},
	BtnLinkShort:       {"Link", "Enlace"},
	BtnLangShort:       {"ES", "EN"},
	MsgCopied:          {"Link copied to the clipboard.", "Enlace copiado al portapapeles."},
	MsgEmbedCopy:       {"Embed code copied to the clipboard.", "Código para insertar copiado al portapapeles."},
	MsgLoaded:          {"Loaded %s: %s {u}.", "Cargado %s: %s {u}."},
	MsgBadFile:         {"Could not read %s: %s. The previous data is still shown.", "No se pudo leer %s: %s. Se siguen mostrando los datos anteriores."},
	MsgMapping:         {"Read the mapping %s: now open or drop the results file it describes.", "Leído el mapeo %s: abra o suelte ahora el archivo de resultados que describe."},
	MsgMappingUsed:     {"Columns from %s.", "Columnas según %s."},
	MsgKeysHint:        {"Tab moves, arrows adjust, ? shows the keys.", "Tab avanza, flechas ajustan, ? muestra las teclas."},
	CountedVotes:       {"Counted", "Contado"},
	Projected:          {"Scenario", "Escenario"},
	Leads:              {"%s leads with %s of the counted votes", "%s lidera con %s de los votos contados"},
	Tie:                {"The two leading candidates are tied", "Los dos primeros candidatos están empatados"},
	MarginLine:         {"Margin: %s ahead by %s votes (%s)", "Margen: %s adelante por %s votos (%s)"},
	Coverage:           {"Coverage", "Cobertura"},
	CovUnits:           {"{U}", "{U}"},
	CovRegistered:      {"Registered voters", "Electores inscritos"},
	CovVotes:           {"Votes", "Votos"},
	CovOf:              {"%s of %s", "%s de %s"},
	CovUnknown:         {"not in the data", "no está en los datos"},
	CovNoTotal:         {"expected total not known", "total esperado desconocido"},
	Claims:             {"Claimed beside counted", "Anunciado frente a contado"},
	ShareOfValid:       {"share of valid votes", "porcentaje de votos válidos"},
	Others:             {"Others", "Otros"},
	ScMissing:          {"Missing: %s of %s {u}", "Faltan: %s de %s {u}"},
	ScNoMissing:        {"Every expected {u1} is counted.", "{Todas} {las} {u} esperad{as} están contad{as}."},
	ScHow:              {"How the missing {u} vote", "Cómo votan {las} {u} que faltan"},
	ModeLike:           {"Like their region", "Como su región"},
	ModeSplit:          {"Split", "Reparto"},
	ModeWorst:          {"Worst case", "Peor caso"},
	ModeClaim:          {"A claim", "Un anuncio"},
	ScSplit:            {"%s's share of the missing votes: %s", "Porcentaje de %s en los votos que faltan: %s"},
	ScBreakEven:        {"Break-even at %s for %s", "Punto de empate: %s para %s"},
	ScNoBreakEven:      {"No split changes the winner.", "Ningún reparto cambia al ganador."},
	ScTurnout:          {"Turnout in the counted {u}: %s", "Participación en {u} contad{as}: %s"},
	ScFull:             {"Everyone votes in the missing {u}", "Votan todos en {las} {u} que faltan"},
	ModeCounted:        {"Counted only", "Solo lo contado"},
	ScCountedDesc:      {"Only the counted {u}: the missing ones are left out.", "Solo {las} {u} contad{as}: {las} que faltan quedan fuera."},
	ScSplitDesc:        {"%s gets the share set below, taken from %s; the other candidates keep their share of the counted {u}.", "%s recibe el porcentaje elegido abajo, que pierde %s; los demás candidatos conservan su porcentaje de {las} {u} contad{as}."},
	ScResult:           {"With this scenario", "Con este escenario"},
	UnVotes:            {"%s votes", "%s votos"},
	UnTurnoutVal:       {"turnout %s", "participación %s"},
	Close:              {"Close", "Cerrar"},
	ClaimedCol:         {"Claimed", "Anunciado"},
	CountedCol:         {"Counted", "Contado"},
	RgMargin:           {"Margin", "Margen"},
	RgCoverage:         {"Counted", "Contadas"},
	RgName:             {"Name", "Nombre"},
	RgShare:            {"Shares", "Porcentajes"},
	UnLeads:            {"%s leads here", "%s lidera aquí"},
	ScSwing:            {"Swing to %s: %s", "Trasvase hacia %s: %s"},
	ScClaim:            {"Claim: %s", "Anuncio: %s"},
	ScStillAhead:       {"%s is still ahead by %s votes.", "%s sigue adelante por %s votos."},
	ScOvertakes:        {"%s overtakes %s by %s votes.", "%s supera a %s por %s votos."},
	ScTied:             {"%s and %s are tied.", "%s y %s quedan empatados."},
	ScImpossNeg:        {"Impossible: %s needs %s votes in the missing {u}, fewer than zero.", "Imposible: %s necesita %s votos en {las} {u} que faltan, menos que cero."},
	ScImpossTurn:       {"Impossible: the missing {u} would need %s turnout, more than 100%%.", "Imposible: {las} {u} que faltan necesitarían %s de participación, más del 100\u00a0%%."},
	ScImpossShare:      {"%s would need %s votes in the missing {u}, more than all %s remaining votes.", "%s necesitaría %s votos en {las} {u} que faltan, más que los %s que quedan."},
	ScImpossBelow:      {"Impossible: the claim's valid total is %s below the %s counted valid votes.", "Imposible: el total válido anunciado queda %s por debajo de los %s votos válidos contados."},
	ScWorstDesc:        {"Every registered voter in the missing {u} votes, all for %s.", "Todos los electores de {las} {u} que faltan votan, todos por %s."},
	ScLikeDesc:         {"The missing {u} vote like the counted {u} of their region.", "{Las} {u} que faltan votan como {las} {u} contad{as} de su región."},
	ScClaimDesc:        {"What the missing {u} must hold for the claim to be true.", "Lo que deben contener {las} {u} que faltan para que el anuncio sea cierto."},
	RgNation:           {"All", "Todo"},
	RgSearch:           {"Search: %s", "Buscar: %s"},
	RgSearchHint:       {"Type to search by name", "Escriba para buscar por nombre"},
	RgNoMatch:          {"No region matches.", "Ninguna región coincide."},
	RgUnitsCount:       {"%s {u}", "%s {u}"},
	RgUnitsOne:         {"1 {u1}", "1 {u1}"},
	RgMore:             {"%s more", "%s más"},
	UnTitle:            {"Every {u1} by turnout and %s's share", "Cada {u1} por participación y porcentaje de %s"},
	UnTitleVotes:       {"Every {u1} by votes cast and %s's share", "Cada {u1} por votos emitidos y porcentaje de %s"},
	UnXTurnout:         {"Turnout", "Participación"},
	UnXVotes:           {"Votes cast", "Votos emitidos"},
	UnYShare:           {"%s's share", "Porcentaje de %s"},
	UnNoTurnout:        {"The data has no registered voters, so the horizontal axis shows votes cast.", "Los datos no tienen electores inscritos: el eje horizontal muestra los votos emitidos."},
	UnAggregated:       {"The loaded data sums {u} per region: open the file with one row per {u1} to see each one.", "Los datos cargados suman {las} {u} por región: abra el archivo con una fila por {u1} para ver cada {u1}."},
	UnOpenSheet:        {"Open the tally sheet", "Abrir el acta"},
	UnSummedReg:        {"%s with registered voters", "%s con electores registrados"},
	UnSummedNoReg:      {"%s without registered voters", "%s sin electores registrados"},
	UnHoverHint:        {"Point at or tap a dot to see its {u1}.", "Señale o toque un punto para ver su {u1}."},
	McTitle:            {"Where the final margin could land", "Dónde podría quedar el margen final"},
	McProgress:         {"Simulating: %s of %s runs", "Simulando: %s de %s simulaciones"},
	McWinAll:           {"%s wins in all %s runs", "%s gana en todas las %s simulaciones"},
	McWinNone:          {"%s wins in none of the %s runs", "%s no gana en ninguna de las %s simulaciones"},
	McWinAbove:         {"%s wins in more than %s of %s runs", "%s gana en más del %s de %s simulaciones"},
	McWinBelow:         {"%s wins in fewer than %s of %s runs", "%s gana en menos del %s de %s simulaciones"},
	McWinShare:         {"%s wins in %s ± %s of %s runs (± Monte Carlo error)", "%s gana en el %s ± %s de %s simulaciones (± error de Monte Carlo)"},
	McModel:            {"Each missing {u1} (known only by number in its region) is predicted from the counted {u}: its two-party margin and turnout, by region at every level and by size; errors are resampled from the held-out residuals of the counted {u}, with a shock shared by each region at the outermost level. Counted {u} do not vary.", "Cada {u1} que falta (conocid{a} solo por su número en su región) se predice a partir de {las} {u} contad{as}: su margen entre los dos primeros candidatos y su participación, por región en cada nivel y por tamaño; los errores se remuestrean de los residuos fuera de muestra de {las} {u} contad{as}, con un choque común a cada región del nivel más alto. {Las} {u} contad{as} no varían."},
	McModelVolume:      {"Each missing {u1} (known only by number in its region) is predicted from the counted {u}: its two-party margin and its number of votes, by region at every level; errors are resampled from the held-out residuals of the counted {u}, with a shock shared by each region at the outermost level. Counted {u} do not vary.", "Cada {u1} que falta (conocid{a} solo por su número en su región) se predice a partir de {las} {u} contad{as}: su margen entre los dos primeros candidatos y su número de votos, por región en cada nivel; los errores se remuestrean de los residuos fuera de muestra de {las} {u} contad{as}, con un choque común a cada región del nivel más alto. {Las} {u} contad{as} no varían."},
	McModelTotals:      {"These data are totals of many {u}, so the errors of one {u1} cannot be measured: each missing {u1} is predicted from its region's counted totals, with a fixed, uncalibrated shock shared by each region (its standard deviation is five points of the two-party margin). Load one row per {u1} for the calibrated model.", "Estos datos son totales de muchas {u}, así que no se pueden medir los errores de {una} {u1}: cada {u1} que falta se predice a partir de los totales contados de su región, con un choque fijo, no calibrado, común a cada región (su desviación típica es de cinco puntos del margen entre los dos primeros). Cargue una fila por {u1} para el modelo calibrado."},
	McInterval:         {"Nine runs in ten end with a margin between %s and %s.", "Nueve de cada diez simulaciones terminan con un margen de entre %s y %s."},
	ImpossibleTag:      {"impossible", "imposible"},
	McLikeOnly:         {"The simulation lets the missing {u} vote like their region; the other rules have no uncertainty model.", "La simulación hace votar a {las} {u} que faltan como su región; las otras reglas no tienen modelo de incertidumbre."},
	McXAxis:            {"Margin of %s over %s, in points of the valid vote", "Margen de %s sobre %s, en puntos del voto válido"},
	HelpTitle:          {"Keys", "Teclas"},
	HelpTab:            {"Tab / Shift+Tab: move between controls", "Tab / Mayús+Tab: pasar de un control a otro"},
	HelpArrows:         {"Arrows: adjust a slider, scroll, or step through the dots of the chart", "Flechas: ajustar un deslizador, desplazarse o recorrer los puntos del gráfico"},
	HelpEnter:          {"Enter or Space: activate", "Intro o Espacio: activar"},
	HelpDigits:         {"1 to %s: switch views", "1 a %s: cambiar de vista"},
	HelpEsc:            {"Backspace or Esc: go up a level, close", "Retroceso o Esc: subir un nivel, cerrar"},
	HelpHelp:           {"?: show or hide this list", "?: mostrar u ocultar esta lista"},
	HelpDrop:           {"Drop a file on the window to load it", "Suelte un archivo en la ventana para cargarlo"},
	EmbedTitle:         {"Embed code", "Código para insertar"},
	DataLabel:          {"Data: %s", "Datos: %s"},
	SourceLabel:        {"Source: %s", "Fuente: %s"},
	BtnSave:            {"Save chart", "Guardar gráfico"},
	BtnSaveShort:       {"Save", "Guardar"},
	MsgSaving:          {"Saving the chart and its numbers…", "Guardando el gráfico y sus cifras…"},
	MsgSaved:           {"Saved %s and %s.", "Guardados %s y %s."},
	MsgSaveFailed:      {"Could not save the chart: %s.", "No se pudo guardar el gráfico: %s."},
	MsgLinkBad:         {"Ignored the link's scenario: %s.", "Se ignoró el escenario del enlace: %s."},
	MsgLinkData:        {"The link's scenario was made for other data: check that it means the same here.", "El escenario del enlace se hizo para otros datos: compruebe que significa lo mismo aquí."},
	MsgLinkExtra:       {"The link's scenario has settings that the controls do not show; Reset clears them.", "El escenario del enlace tiene ajustes que los controles no muestran; Restablecer los borra."},
	ScBEOver:           {"Break-even at %s for %s: more than the %s the other candidates leave.", "Punto de empate: %s para %s, más que el %s que dejan los demás candidatos."},
	ScBELocked:         {"No split ties: %s would need %s.", "Ningún reparto empata: %s necesitaría el %s."},
	MsgColumns:         {"A mapping file that names them (see the README) can be dropped or opened together with the CSV", "Puede soltar o abrir junto con el CSV un archivo de mapeo que las nombre (vea el README)"},
	HelpSave:           {"Ctrl+S: save the chart and its numbers (PNG and CSV)", "Ctrl+S: guardar el gráfico y sus cifras (PNG y CSV)"},
	CovExpected:        {"%s expected", "%s esperados"},
	MsgUnrecognised:    {"unrecognised columns (%s)", "columnas no reconocidas (%s)"},
	MsgIsMapping:       {"this is a mapping file, not data: open it together with the CSV file it describes", "esto es un archivo de mapeo, no datos: ábralo junto con el archivo CSV que describe"},
}
