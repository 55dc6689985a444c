package web

import "github.com/tallyscope/tallyscope/internal/i18n"

// pageStrings are the page's own sentences; the app's strings live in
// package i18n. In Progress, %1 and %2 stand for the per cent of the app
// loaded and the megabytes the download takes, which the page's script
// fills in.
type pageStrings struct {
	Loading   string
	Progress  string
	Starting  string
	Failed    string
	NoWasm    string
	Exited    string
	NoScript  string
	Pending   string
	Votes     string
	counted   string
	countedOf string
}

var pageText = map[i18n.Lang]pageStrings{
	i18n.EN: {
		Loading:   "Loading the interactive view…",
		Progress:  "Loading the interactive view: %1 of %2 MB",
		Starting:  "Starting the interactive view…",
		Failed:    "The interactive view could not start (%s). The figures above come from the same data.",
		NoWasm:    "this browser cannot run WebAssembly",
		Exited:    "the app stopped",
		NoScript:  "The interactive view needs JavaScript and WebAssembly. The figures above come from the same data.",
		Pending:   "Loading %s…",
		Votes:     "%s votes",
		counted:   "Coverage: %s %s",
		countedOf: "Coverage: %s of %s %s (%s)",
	},
	i18n.ES: {
		Loading:   "Cargando la vista interactiva…",
		Progress:  "Cargando la vista interactiva: %1 de %2 MB",
		Starting:  "Iniciando la vista interactiva…",
		Failed:    "La vista interactiva no pudo iniciarse (%s). Las cifras de arriba provienen de los mismos datos.",
		NoWasm:    "este navegador no puede ejecutar WebAssembly",
		Exited:    "la aplicación se detuvo",
		NoScript:  "La vista interactiva necesita JavaScript y WebAssembly. Las cifras de arriba provienen de los mismos datos.",
		Pending:   "Cargando %s…",
		Votes:     "%s votos",
		counted:   "Cobertura: %s %s",
		countedOf: "Cobertura: %s de %s %s (%s)",
	},
}
