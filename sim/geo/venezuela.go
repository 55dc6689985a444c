package geo

// VenezuelaISO maps the state codes of Venezuela's acta files (COD_EDO,
// the keys of a Venezuelan tally's states) to the ISO 3166-2 codes of
// geoBoundaries' shapeISO. The Federal Dependencies (VE-W) have no
// polling tables and no code.
var VenezuelaISO = map[string]string{
	"1":  "VE-A", // Distrito Capital (geoBoundaries: Caracas)
	"2":  "VE-B", // Anzoátegui
	"3":  "VE-C", // Apure
	"4":  "VE-D", // Aragua
	"5":  "VE-E", // Barinas
	"6":  "VE-F", // Bolívar
	"7":  "VE-G", // Carabobo
	"8":  "VE-H", // Cojedes
	"9":  "VE-I", // Falcón
	"10": "VE-J", // Guárico
	"11": "VE-K", // Lara
	"12": "VE-L", // Mérida
	"13": "VE-M", // Miranda
	"14": "VE-N", // Monagas
	"15": "VE-O", // Nueva Esparta
	"16": "VE-P", // Portuguesa
	"17": "VE-R", // Sucre
	"18": "VE-S", // Táchira
	"19": "VE-T", // Trujillo
	"20": "VE-U", // Yaracuy
	"21": "VE-V", // Zulia
	"22": "VE-Z", // Amazonas
	"23": "VE-Y", // Delta Amacuro
	"24": "VE-X", // La Guaira (formerly Vargas)
}
