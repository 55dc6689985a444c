package web

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"html/template"
	"os"
	"regexp"
	"strings"

	"github.com/tallyscope/tallyscope/internal/view"
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
	// Mirror is the app's first view written as HTML (view.Mirror), or
	// nil when the page names data that the site does not know (then
	// Pending is shown).
	Mirror     *view.MirrorText
	MirrorBody template.HTML
	Pending    string
	// Data and Map are the data file and mapping file the app opens when
	// the address names none ("data/NAME"), and Scenario the scenario
	// string it opens with when the address has no fragment: a static
	// host cannot redirect to an address that says them.
	Data, Map, Scenario string
	// Sheets is the URL of the links to the default data's scanned
	// sheets ("data/NAME", fetched by the app when a view first offers
	// a sheet), or "".
	Sheets string
	// Preview is the URL of the social card's image, or "": absolute
	// when the site has a base URL (Options.BaseURL), which is then the
	// page's Canonical address.
	Preview   string
	Canonical string
	// CSP is the page's Content-Security-Policy, repeated in a <meta>
	// for static hosts, which send no headers of their own.
	CSP string
	// WASM and Exec are the URLs of the app and of Go's glue script;
	// WASMSize is the app's uncompressed size, for the progress bar, and
	// Transfer its size as this browser will download it.
	WASM     string
	WASMSize int
	Transfer int
	Exec     string
	T        pageStrings
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
//
// The policy is in the page too (a <meta>), so it is rendered twice: the
// first time gives the inline script and style to hash (the policy is not
// inside them), the second writes the policy in.
func (p *page) render(d pageData) (body []byte, csp string, err error) {
	var buf bytes.Buffer
	d.CSP = ""
	if err := p.tmpl.Execute(&buf, d); err != nil {
		return nil, "", fmt.Errorf("web: page: %w", err)
	}
	d.CSP = contentSecurityPolicy(buf.Bytes())
	buf.Reset()
	if err := p.tmpl.Execute(&buf, d); err != nil {
		return nil, "", fmt.Errorf("web: page: %w", err)
	}
	body = buf.Bytes()
	if got := contentSecurityPolicy(body); got != d.CSP {
		return nil, "", fmt.Errorf("web: page: the inline script or style depends on the policy")
	}
	return body, d.CSP, nil
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
