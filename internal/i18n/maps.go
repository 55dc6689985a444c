package i18n

// Keys of the app's Map view.
const (
	TabMap          Key = "tab.map"
	MsgGeoLoaded    Key = "msg.geoloaded"
	MapColourBy     Key = "map.colourby"
	MapModeLeader   Key = "map.mode.leader"
	MapModeMargin   Key = "map.mode.margin"
	MapModeShift    Key = "map.mode.shift"
	MapModeCoverage Key = "map.mode.coverage"
	MapModeTurnout  Key = "map.mode.turnout"
	MapDraw         Key = "map.draw"
	MapKindShapes   Key = "map.kind.shapes"
	MapKindTiles    Key = "map.kind.tiles"
	MapKindSized    Key = "map.kind.sized"
	MapNoGeo        Key = "map.nogeo"
	MapMissing      Key = "map.missing"
	MapBadGeo       Key = "map.badgeo"
	MapNoShapeList  Key = "map.noshape"
	MapNoDataList   Key = "map.nodata"
	MapHoverHint    Key = "map.hoverhint"
	MapTapHint      Key = "map.taphint"
	MapShiftHint    Key = "map.shifthint"
	MapCredit       Key = "map.credit"
	MapProjected    Key = "map.projected"
	MapInfoLead     Key = "map.info.lead"
	MapInfoMargin   Key = "map.info.margin"
	MapInfoShift    Key = "map.info.shift"
	MapInfoCoverage Key = "map.info.coverage"
	MapInfoTurnout  Key = "map.info.turnout"
	MapInfoUnknown  Key = "map.info.unknown"
	MapValue        Key = "map.value"
	MapLeaderCol    Key = "map.leadercol"
	MapCaption      Key = "map.caption"
	MapOpenRegions  Key = "map.openregions"
	MapUp           Key = "map.up"
	MapCovUnknown   Key = "map.covunknown"
	MapMarginTitle  Key = "map.margintitle"
)

var mapStrings = map[Key]entry{
	TabMap:          {"Map", "Mapa"},
	MsgGeoLoaded:    {"Map boundaries from %s: see the Map tab.", "Límites del mapa de %s: vea la pestaña Mapa."},
	MapColourBy:     {"Colour by", "Color según"},
	MapModeLeader:   {"Leader", "Quién lidera"},
	MapModeMargin:   {"Margin", "Margen"},
	MapModeShift:    {"Shift", "Cambio"},
	MapModeCoverage: {"Coverage", "Cobertura"},
	MapModeTurnout:  {"Turnout", "Participación"},
	MapDraw:         {"Draw as", "Dibujar como"},
	MapKindShapes:   {"Map", "Mapa"},
	MapKindTiles:    {"Equal tiles", "Casillas iguales"},
	MapKindSized:    {"Tiles by votes", "Casillas por votos"},
	MapNoGeo:        {"These data have no map. Open or drop a boundaries file (GeoJSON or TopoJSON) whose codes or names match the data's areas, or name one in the mapping file.", "Estos datos no tienen mapa. Abra o suelte un archivo de límites (GeoJSON o TopoJSON) cuyos códigos o nombres coincidan con las áreas de los datos, o nómbrelo en el archivo de columnas."},
	MapMissing:      {"No boundaries for the %s of %s: the map has %s only. The Regions tab lists them.", "No hay límites para los %s de %s: el mapa solo tiene %s. La pestaña Regiones los lista."},
	MapBadGeo:       {"The map cannot be drawn from %s: %s", "No se puede dibujar el mapa con %s: %s"},
	MapNoShapeList:  {"With data but no shape (%s): %s", "Con datos pero sin forma (%s): %s"},
	MapNoDataList:   {"Shapes without data (%s): %s", "Formas sin datos (%s): %s"},
	MapHoverHint:    {"Point at an area for its numbers; click to look inside it.", "Señale un área para ver sus cifras; haga clic para ver su interior."},
	MapTapHint:      {"Tap an area to look inside it.", "Toque un área para ver su interior."},
	MapShiftHint:    {"Move a scenario control: the shift is the scenario's margin less the counted one.", "Mueva un control del escenario: el cambio es el margen del escenario menos el contado."},
	MapCredit:       {"Boundaries: %s", "Límites: %s"},
	MapProjected:    {"Coloured by the scenario's projection.", "Coloreado según la proyección del escenario."},
	MapInfoLead:     {"%s leads by %s", "%s lidera por %s"},
	MapInfoMargin:   {"%s over %s: %s", "%s sobre %s: %s"},
	MapInfoShift:    {"The scenario moves the margin by %s", "El escenario mueve el margen %s"},
	MapInfoCoverage: {"Coverage: %s", "Cobertura: %s"},
	MapInfoTurnout:  {"Turnout: %s", "Participación: %s"},
	MapInfoUnknown:  {"The data cannot say.", "Los datos no lo dicen."},
	MapValue:        {"Value", "Valor"},
	MapLeaderCol:    {"Leader", "Líder"},
	MapCaption:      {"Map: %s", "Mapa: %s"},
	MapOpenRegions:  {"Regions tab", "Pestaña Regiones"},
	MapUp:           {"Up one level", "Subir un nivel"},
	MapMarginTitle:  {"Margin of %s over %s (pp)", "Margen de %s sobre %s (pp)"},
	MapCovUnknown:   {"No %s has a known coverage: the data give the expected number of {u} for the whole count only (%s of it counted).", "Ningún %s tiene una cobertura conocida: los datos dan el número esperado de {u} solo para el total (%s del total contado)."},
}
