package i18n

// Keys of the page's own sentences (internal/web): the page shows them
// before the app starts. In PgProgress, %1 and %2 stand for the per cent
// of the app loaded and the megabytes the download takes, which the
// page's script fills in.
const (
	PgLoading   Key = "page.loading"
	PgProgress  Key = "page.progress"
	PgStarting  Key = "page.starting"
	PgFailed    Key = "page.failed"
	PgNoWasm    Key = "page.nowasm"
	PgExited    Key = "page.exited"
	PgNoScript  Key = "page.noscript"
	PgPending   Key = "page.pending"
	PgVotes     Key = "page.votes"
	PgCounted   Key = "page.counted"
	PgCountedOf Key = "page.countedof"
)

var pageStrings = map[Key]entry{
	PgLoading:   {"Loading the interactive view…", "Cargando la vista interactiva…"},
	PgProgress:  {"Loading the interactive view: %1 of %2 MB", "Cargando la vista interactiva: %1 de %2 MB"},
	PgStarting:  {"Starting the interactive view…", "Iniciando la vista interactiva…"},
	PgFailed:    {"The interactive view could not start (%s). The figures above come from the same data.", "La vista interactiva no pudo iniciarse (%s). Las cifras de arriba provienen de los mismos datos."},
	PgNoWasm:    {"this browser cannot run WebAssembly", "este navegador no puede ejecutar WebAssembly"},
	PgExited:    {"the app stopped", "la aplicación se detuvo"},
	PgNoScript:  {"The interactive view needs JavaScript and WebAssembly. The figures above come from the same data.", "La vista interactiva necesita JavaScript y WebAssembly. Las cifras de arriba provienen de los mismos datos."},
	PgPending:   {"Loading %s…", "Cargando %s…"},
	PgVotes:     {"%s votes", "%s votos"},
	PgCounted:   {"Coverage: %s %s", "Cobertura: %s %s"},
	PgCountedOf: {"Coverage: %s of %s %s (%s)", "Cobertura: %s de %s %s (%s)"},
}
