package web

import "github.com/tallyscope/tallyscope/internal/i18n"

// pageStrings are the page's own sentences, in one language; their
// catalogue is package i18n's (keys Pg…).
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

// pageText holds the page's strings in each language, from package i18n.
var pageText = func() map[i18n.Lang]pageStrings {
	m := map[i18n.Lang]pageStrings{}
	for _, l := range i18n.Langs {
		m[l] = pageStrings{
			Loading:   l.T(i18n.PgLoading),
			Progress:  l.T(i18n.PgProgress),
			Starting:  l.T(i18n.PgStarting),
			Failed:    l.T(i18n.PgFailed),
			NoWasm:    l.T(i18n.PgNoWasm),
			Exited:    l.T(i18n.PgExited),
			NoScript:  l.T(i18n.PgNoScript),
			Pending:   l.T(i18n.PgPending),
			Votes:     l.T(i18n.PgVotes),
			counted:   l.T(i18n.PgCounted),
			countedOf: l.T(i18n.PgCountedOf),
		}
	}
	return m
}()
