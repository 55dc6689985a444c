package web

import (
	"context"
	"encoding/json"
	"fmt"
	"html/template"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tallyscope/tallyscope/internal/i18n"
)

// pageKey names one rendering of the page.
type pageKey struct {
	lang i18n.Lang
	data string // the data= parameter
	// enc is the coding the .wasm will come in, for the size the page
	// announces.
	enc Encoding
}

// MaxQuery is the longest query string (after "?") that ServeHTTP
// reads, in bytes. The app's own URLs carry a data= path and a lang=
// code, far shorter.
const MaxQuery = 8 << 10

// ServeHTTP serves the page at / (and /index.html) and the site's files.
//
// Every response says Vary: Accept-Encoding and carries a strong ETag per
// coding. A file is sent brotli-compressed when the browser accepts br,
// else gzip when it accepts gzip, else as is. A file asked for with its
// current version (?v=...) may be cached for a year; anything else must
// be revalidated (Cache-Control: no-cache). The page carries a Content-
// Security-Policy that blocks every request to another origin.
//
// When the site serves a data file or has a language and the URL of the
// page does not say data= or lang=, the page redirects to the same URL
// with them, so that the app and the summary agree on what they show.
// A query longer than MaxQuery gets 414 URI Too Long.
func (s *Site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if len(r.URL.RawQuery) > MaxQuery {
		http.Error(w, fmt.Sprintf("the address is too long: its query has %d bytes, and this server takes at most %d", len(r.URL.RawQuery), MaxQuery), http.StatusRequestURITooLong)
		return
	}
	switch r.URL.Path {
	case "/", "/index.html":
		s.servePage(w, r)
		return
	case ManifestPath:
		s.serveManifest(w, r)
		return
	}
	a, ok := s.assets[r.URL.Path]
	if !ok {
		http.NotFound(w, r)
		return
	}
	if v := r.URL.Query().Get("v"); v != "" && v == a.version {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		h.Set("Cache-Control", "no-cache")
	}
	serveAsset(w, r, a)
}

func (s *Site) servePage(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	redirect := false
	if s.data != nil && !q.Has("data") {
		q.Set("data", s.data.url)
		redirect = true
	}
	if s.hasLang && !q.Has("lang") {
		q.Set("lang", s.lang.Code())
		redirect = true
	}
	if redirect {
		http.Redirect(w, r, r.URL.Path+"?"+q.Encode(), http.StatusFound)
		return
	}
	l := s.lang
	if tag := q.Get("lang"); tag != "" {
		l, _ = i18n.Parse(tag)
	} else if !s.hasLang {
		l = acceptLanguage(r.Header.Get("Accept-Language"))
	}
	enc := negotiate(r.Header.Get("Accept-Encoding"), s.assets[WASMPath])
	a, err := s.renderPage(pageKey{lang: l, data: q.Get("data"), enc: enc})
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Cache-Control", "no-cache")
	h.Set("Content-Security-Policy", a.csp)
	if !q.Has("lang") && !s.hasLang {
		// The preview's language came from Accept-Language.
		h.Add("Vary", "Accept-Language")
	}
	serveAsset(w, r, &a.asset)
}

// serveManifest serves the manifest of the bundle that Publish would
// write for the site's language (English when it has none). Until brotli
// is done it answers 503 with a Retry-After.
func (s *Site) serveManifest(w http.ResponseWriter, r *http.Request) {
	select {
	case <-s.brotliDone:
	default:
		w.Header().Set("Retry-After", "30")
		http.Error(w, "the manifest is written once every file is compressed; try again shortly", http.StatusServiceUnavailable)
		return
	}
	m, err := s.Manifest(s.lang)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Cache-Control", "no-cache")
	serveAsset(w, r, newAsset(ManifestPath, "application/json", append(b, '\n')))
}

// renderedPage is the page for one pageKey with its policy. In the
// cache, ready is closed once the page (or err) is set.
type renderedPage struct {
	asset
	csp   string
	ready chan struct{}
	err   error
}

// maxPendingName is how much of an unknown data= value the page repeats
// in its "Loading NAME" line, in bytes; a longer value is cut and ends
// with "…". The app reads the full value from the URL itself.
const maxPendingName = 200

// renderPage returns the page for k.
//
// Pages for data the site summarizes (its default data and its served
// file) are rendered and compressed once, then cached. Their keys come
// from a bounded set (languages × those two data values × codings), so
// the cache cannot grow with the requests. Two requests for the same
// key wait for one rendering; the lock is held only to find or add the
// key, never while rendering or compressing.
//
// A page for any other data= value only says which file is loading. It
// is rendered for each request, never cached, and compressed with gzip
// only (brotli's best setting is too slow to spend per request).
func (s *Site) renderPage(k pageKey) (*renderedPage, error) {
	ds := s.known(k.data)
	if ds == nil {
		p := &renderedPage{}
		if err := s.buildPage(p, k, nil, []Encoding{Gzip}); err != nil {
			return nil, err
		}
		return p, nil
	}
	s.mu.Lock()
	p, ok := s.rendered[k]
	if !ok {
		p = &renderedPage{ready: make(chan struct{})}
		s.rendered[k] = p
	}
	s.mu.Unlock()
	if !ok {
		p.err = s.buildPage(p, k, ds, []Encoding{Gzip, Brotli})
		if p.err != nil {
			// Let a later request try again.
			s.mu.Lock()
			delete(s.rendered, k)
			s.mu.Unlock()
		}
		close(p.ready)
	}
	<-p.ready
	if p.err != nil {
		return nil, p.err
	}
	return p, nil
}

// known returns the dataset that the data= value names, or nil when the
// site has no summary of it.
func (s *Site) known(data string) *dataset {
	switch {
	case data == "":
		return s.def
	case s.data != nil && data == s.data.url:
		return s.data
	}
	return nil
}

// buildPage renders the page for k into p, with the summary of ds or,
// when ds is nil, the line saying that k.data is loading, and compresses
// it in the codings encs.
func (s *Site) buildPage(p *renderedPage, k pageKey, ds *dataset, encs []Encoding) error {
	body, csp, err := s.pageBody(k, ds)
	if err != nil {
		return err
	}
	p.asset, p.csp = *newAsset("/", "text/html; charset=utf-8", body), csp
	for _, e := range encs {
		if err := p.compress(context.Background(), e, "", nil); err != nil {
			return err
		}
	}
	return nil
}

// pageBody renders the page for k with the text of ds or, when ds is
// nil, the line saying that k.data is loading. The page of the data the
// site opens with (its served file, or its default) names that data and
// scenario, so that the page works where no server redirects to them.
func (s *Site) pageBody(k pageKey, ds *dataset) ([]byte, string, error) {
	t := pageText[k.lang]
	wasm := s.assets[WASMPath]
	d := pageData{
		Lang:     k.lang.Code(),
		Title:    k.lang.T(i18n.AppName),
		WASM:     wasm.url(),
		WASMSize: len(wasm.raw),
		Transfer: len(wasm.body(k.enc)),
		Exec:     s.assets[ExecPath].url(),
		T:        t,
	}
	if a, ok := s.assets[PreviewPath]; ok {
		d.Preview = s.baseURL + a.url()
	}
	d.Canonical = s.baseURL
	if s.sheetsPath != "" {
		d.Sheets = s.sheetsPath[1:]
	}
	if ds != nil {
		m := ds.mirror[k.lang]
		d.Mirror = &m
		// view.Mirror escapes every text it writes.
		d.MirrorBody = template.HTML(m.Body)
		d.Title = m.Title + " – " + d.Title
		if ds == s.opening() {
			d.Data, d.Map, d.Scenario = ds.url, s.mapURL, s.scenario
		}
	} else {
		d.Pending = strings.Replace(t.Pending, "%s", shorten(k.data, maxPendingName), 1)
	}
	return s.page.render(d)
}

// opening is the data the site's page opens with: its served file, or
// its default.
func (s *Site) opening() *dataset {
	if s.data != nil {
		return s.data
	}
	return s.def
}

// shorten returns s cut to at most n bytes, on a rune boundary, with
// "…" appended when it was cut.
func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// serveAsset writes a in the best coding the request accepts.
func serveAsset(w http.ResponseWriter, r *http.Request, a *asset) {
	e := negotiate(r.Header.Get("Accept-Encoding"), a)
	body := a.body(e)
	h := w.Header()
	h.Set("Content-Type", a.contentType)
	h.Add("Vary", "Accept-Encoding")
	etag := `"` + a.version + "-" + e.String() + `"`
	h.Set("ETag", etag)
	if e != Identity {
		h.Set("Content-Encoding", e.String())
	}
	if match := r.Header.Get("If-None-Match"); match != "" && etagMatches(match, etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

func etagMatches(header, etag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimSpace(t)
		if t == "*" || strings.TrimPrefix(t, "W/") == etag {
			return true
		}
	}
	return false
}

// negotiate picks the coding to send a in: brotli, then gzip, among
// those the Accept-Encoding header allows (q > 0) and that are ready.
func negotiate(header string, a *asset) Encoding {
	accepted := acceptedEncodings(header)
	for _, e := range []Encoding{Brotli, Gzip} {
		if accepted[e] && a.body(e) != nil {
			return e
		}
	}
	return Identity
}

// acceptedEncodings parses an Accept-Encoding header into the codings
// it allows. "*" allows every coding not named with q=0.
func acceptedEncodings(header string) map[Encoding]bool {
	named := map[string]bool{}
	star := false
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		name = strings.ToLower(strings.TrimSpace(name))
		if name == "" {
			continue
		}
		ok := qualityPositive(params)
		if name == "*" {
			star = ok
			continue
		}
		named[name] = ok
	}
	out := map[Encoding]bool{}
	for _, e := range []Encoding{Gzip, Brotli} {
		ok, isNamed := named[e.String()]
		if e == Gzip && !isNamed {
			ok, isNamed = named["x-gzip"]
		}
		out[e] = ok || (!isNamed && star)
	}
	return out
}

// qualityPositive reports whether the parameters of one Accept-Encoding
// entry leave its quality above zero.
func qualityPositive(params string) bool {
	for _, p := range strings.Split(params, ";") {
		k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
		if !ok || !strings.EqualFold(strings.TrimSpace(k), "q") {
			continue
		}
		q, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		return err != nil || q > 0
	}
	return true
}

// acceptLanguage returns the first supported language of an
// Accept-Language header, in the header's order, or English.
func acceptLanguage(header string) i18n.Lang {
	for _, part := range strings.Split(header, ",") {
		tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !qualityPositive(params) {
			continue
		}
		if l, ok := i18n.Parse(tag); ok {
			return l
		}
	}
	return i18n.EN
}
