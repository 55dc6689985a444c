package chart

import (
	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/sim/scenario"
)

// The charts' strings live in package i18n with the rest (keys Ch…);
// these helpers put its level names and agreement to the charts' use.

// levelName returns a level's name in language l, plural when plural is
// set.
func levelName(l i18n.Lang, name string, plural bool) string {
	u := i18n.LevelFor(name)
	if plural {
		return u.Many(l)
	}
	return u.One(l)
}

// unitsName returns the name of the tally's units (its unit level) in
// language l, plural when plural is set.
func unitsName(l i18n.Lang, name string, plural bool) string {
	u := i18n.UnitsFor(name)
	if plural {
		return u.Many(l)
	}
	return u.One(l)
}

// countedWords returns the article and the participle that go with a
// plural level name in language l: "the", "counted" in English; "las",
// "contadas" for "mesas" and "los", "contados" for "condados" in Spanish.
func countedWords(l i18n.Lang, level string) (art, participle string) {
	u := i18n.UnitsFor(level)
	return l.TU(i18n.ChArticle, u), l.TU(i18n.ChCountedWord, u)
}

// capital returns s with its first letter in upper case.
func capital(s string) string { return i18n.Capital(s) }

// ruleLabel describes a missing-unit rule in a phrase.
func ruleLabel(l i18n.Lang, m scenario.Missing, unitLevel string) string {
	u := i18n.UnitsFor(unitLevel)
	switch m {
	case scenario.MissingLikeRegion:
		return l.TU(i18n.ChRuleLike, u)
	case scenario.MissingSplit:
		return l.TU(i18n.ChRuleSplit, u)
	case scenario.MissingWorstCase:
		return l.TU(i18n.ChRuleWorst, u)
	case scenario.MissingClaim:
		return l.TU(i18n.ChRuleClaim, u)
	}
	return l.TU(i18n.ChRuleNone, u)
}
