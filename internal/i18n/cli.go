package i18n

var cliStrings = map[Key]entry{}
