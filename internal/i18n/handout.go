package i18n

// Keys of the printed lesson handout (tallyscope lesson).
const (
	HoKicker   Key = "handout.kicker"
	HoStep     Key = "handout.step"
	HoSteps    Key = "handout.steps"
	HoQuestion Key = "handout.question"
	HoData     Key = "handout.data"
	HoHowTo    Key = "handout.howto"
	HoNoChart  Key = "handout.nochart"
)

var handoutStrings = map[Key]entry{
	HoKicker:   {"Tallyscope lesson", "Lección de Tallyscope"},
	HoStep:     {"%s · step %d of %d", "%s · paso %d de %d"},
	HoSteps:    {"The steps", "Los pasos"},
	HoQuestion: {"Question for the class:", "Pregunta para la clase:"},
	HoData:     {"Data", "Datos"},
	HoHowTo:    {"Each page is one step: what the screen shows, a question, room for the answer, and the step's chart, drawn from the same data and scenario as the app.", "Cada página es un paso: lo que muestra la pantalla, una pregunta, espacio para la respuesta y el gráfico del paso, hecho con los mismos datos y el mismo escenario que la aplicación."},
	HoNoChart:  {"This step has no chart: look at the figures in the text.", "Este paso no tiene gráfico: mire las cifras del texto."},
}
