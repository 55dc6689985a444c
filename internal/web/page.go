package web

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"html/template"
	"os"
	"regexp"
	"strconv"
	"strings"
)

// PageFile is the page template's file name at the module root.
const PageFile = "index.html"

// page is the parsed page template.
type page struct {
	tmpl *template.Template
}

// pageData is what the template is rendered with.
type pageData struct {
	// Lang is the page's language code ("en", "es").
	Lang string
	// Title is the document title.
	Title string
	// Summary is the data's summary, or nil when the page names data
	// that the server does not know (then Pending is shown).
	Summary *Summary
	Pending string
	// WASM and Exec are the URLs of the app and of Go's glue script;
	// WASMSize is the app's uncompressed size, for the progress bar, and
	// Transfer its size as this browser will download it.
	WASM     string
	WASMSize int
	Transfer int
	Exec     string
	T        pageStrings
}

// BarWidth returns a row's share as a width out of 100 for the bar.
func (r SummaryRow) BarWidth() string {
	return strconv.FormatFloat(100*r.Fraction, 'f', 2, 64)
}

func parsePage(path string) (*page, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("web: page template: %w", err)
	}
	t, err := template.New(PageFile).Option("missingkey=error").Parse(string(b))
	if err != nil {
		return nil, fmt.Errorf("web: page template: %w", err)
	}
	return &page{tmpl: t}, nil
}

var (
	inlineScript = regexp.MustCompile(`(?s)<script>(.*?)</script>`)
	inlineStyle  = regexp.MustCompile(`(?s)<style>(.*?)</style>`)
)

// render returns the page and the Content-Security-Policy that allows
// exactly its own inline script and style and nothing from another
// origin.
func (p *page) render(d pageData) (body []byte, csp string, err error) {
	var buf bytes.Buffer
	if err := p.tmpl.Execute(&buf, d); err != nil {
		return nil, "", fmt.Errorf("web: page: %w", err)
	}
	body = buf.Bytes()
	return body, contentSecurityPolicy(body), nil
}

// contentSecurityPolicy builds the policy for a page: scripts from the
// origin and the page's inline ones (by hash), WebAssembly compilation,
// fetches from the origin only, and no plug-ins, frames or forms.
func contentSecurityPolicy(body []byte) string {
	hashes := func(re *regexp.Regexp) string {
		var out []string
		for _, m := range re.FindAllSubmatch(body, -1) {
			sum := sha256.Sum256(m[1])
			out = append(out, "'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'")
		}
		return strings.Join(out, " ")
	}
	return strings.Join([]string{
		"default-src 'none'",
		strings.TrimSpace("script-src 'self' 'wasm-unsafe-eval' " + hashes(inlineScript)),
		strings.TrimSpace("style-src " + orNone(hashes(inlineStyle))),
		"connect-src 'self'",
		"img-src 'self' data: blob:",
		"base-uri 'none'",
		"form-action 'none'",
	}, "; ")
}

func orNone(s string) string {
	if s == "" {
		return "'none'"
	}
	return s
}
