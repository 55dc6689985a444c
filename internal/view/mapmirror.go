package view

import (
	"strings"

	"github.com/tallyscope/tallyscope/internal/app"
	"github.com/tallyscope/tallyscope/internal/i18n"
)

// mirrorMap writes the Map view as a table: each area drawn, its leader,
// the value its colour shows and the numbers behind it, then what the
// map could not draw and the boundaries' credit.
func (b *builder) mirrorMap(w *strings.Builder) {
	st, l := b.st, b.l
	mv := st.Map
	switch {
	case mv == nil:
		return
	case mv.NoGeo:
		tag(w, "p", "note", b.t(i18n.MapNoGeo))
		return
	case mv.Missing != "":
		tag(w, "p", "note", b.tf(i18n.MapMissing, i18n.LevelFor(mv.Missing).Many(l), st.Data.RegionName(st.Region), i18n.LevelFor(mv.Level).Many(l)))
		return
	case mv.Data == nil:
		text, _ := b.mapProblemText(mv)
		tag(w, "p", "note", text)
		return
	}
	d := mv.Data
	t := st.Data.Tally
	title := b.t(mapModeKeys[d.Mode])
	if st.Region >= 0 {
		title += sep + st.Data.RegionName(st.Region)
	}
	w.WriteString(`<table class="map" id="ts-map"><caption>`)
	w.WriteString(esc(b.tf(i18n.MapCaption, title)))
	w.WriteString("</caption><thead><tr>")
	th(w, "col", b.t(i18n.RgName))
	th(w, "col", b.t(i18n.MapLeaderCol))
	th(w, "col", b.t(i18n.MapValue))
	w.WriteString("</tr></thead><tbody>")
	for i, row := range d.Rows {
		if i == MirrorRows {
			w.WriteString(`<tr><td colspan="3">`)
			w.WriteString(esc(b.tf(i18n.RgMore, l.Int(int64(len(d.Rows)-MirrorRows)))))
			w.WriteString("</td></tr>")
			break
		}
		w.WriteString(`<tr><th scope="row">`)
		w.WriteString(esc(row.Name))
		w.WriteString("</th>")
		lead := "–"
		if row.Leader >= 0 {
			lead = shortName(t, row.Leader)
		}
		tag(w, "td", "", lead)
		tag(w, "td", "", b.areaLine(mv, row))
		w.WriteString("</tr>")
	}
	w.WriteString("</tbody></table>")
	b.mirrorMapNotes(w, mv)
}

// mirrorMapNotes writes the notes under the map (mapNoteLines).
func (b *builder) mirrorMapNotes(w *strings.Builder, mv *app.MapView) {
	for _, s := range b.mapNoteLines(mv) {
		tag(w, "p", "note", s)
	}
}
