//go:build js

package ui

import (
	"syscall/js"
	"time"

	"github.com/tallyscope/tallyscope/internal/app"
	"github.com/tallyscope/tallyscope/internal/view"

	"github.com/hajimehoshi/ebiten/v2"
)

// pageOrigin returns the page's address without its fragment.
func pageOrigin() string {
	loc := js.Global().Get("location")
	return loc.Get("origin").String() + loc.Get("pathname").String() + loc.Get("search").String()
}

// PageURL returns the page's full address.
func PageURL() string { return js.Global().Get("location").Get("href").String() }

// PageMeta returns the content of the page's <meta name=NAME>, or "".
// A published page names its data and scenario this way (see
// internal/web): a static host cannot redirect to an address that says
// them.
func PageMeta(name string) string {
	el := js.Global().Get("document").Call("querySelector", `meta[name="`+name+`"]`)
	if !el.Truthy() {
		return ""
	}
	return el.Call("getAttribute", "content").String()
}

// hasPage says whether there is a page around the canvas to keep a text
// mirror in (see setMirror).
const hasPage = true

// setMirror writes m into the page's text mirror (index.html's
// #ts-mirror: the preview before the app starts, kept off screen for
// screen readers after): the title, the headline sentence in its
// aria-live region (only its text changes, so that the region stays and
// is announced) and the tables. Elements the page lacks are skipped.
func setMirror(m view.MirrorText) {
	doc := js.Global().Get("document")
	if el := doc.Call("getElementById", "ts-title"); el.Truthy() {
		el.Set("textContent", m.Title)
	}
	if el := doc.Call("querySelector", "#ts-headline p"); el.Truthy() {
		el.Set("textContent", m.Headline)
	}
	if el := doc.Call("getElementById", "ts-body"); el.Truthy() {
		el.Set("innerHTML", m.Body)
	}
}

// touchScreen reports whether the page is on a touch screen whose main
// pointer is a finger (a phone or a tablet, not a laptop with a touch
// screen and a mouse).
func touchScreen() bool {
	w := js.Global()
	if mm := w.Get("matchMedia"); mm.Truthy() {
		return w.Call("matchMedia", "(pointer: coarse)").Get("matches").Bool()
	}
	return w.Get("navigator").Get("maxTouchPoints").Int() > 0
}

// setLive writes the focused control's label and the status message into
// the page's live line (#ts-live, aria-live=polite).
func setLive(focus, status string) {
	doc := js.Global().Get("document")
	if el := doc.Call("getElementById", "ts-focus"); el.Truthy() {
		el.Set("textContent", focus)
	}
	if el := doc.Call("getElementById", "ts-status"); el.Truthy() {
		el.Set("textContent", status)
	}
}

// BrowserLanguage returns the first of navigator.languages that is
// English or Spanish ("es-VE"), else navigator.language.
func BrowserLanguage() string {
	n := js.Global().Get("navigator")
	if ls := n.Get("languages"); ls.Truthy() {
		for i := 0; i < ls.Length(); i++ {
			l := ls.Index(i).String()
			if len(l) >= 2 && (l[:2] == "en" || l[:2] == "es" || l[:2] == "EN" || l[:2] == "ES") {
				return l
			}
		}
	}
	if l := n.Get("language"); l.Type() == js.TypeString {
		return l.String()
	}
	return ""
}

// openURL opens an http(s) link in a new tab, without giving it a handle
// on this page.
func openURL(u string) {
	js.Global().Call("open", u, "_blank", "noopener,noreferrer")
}

// setFragment writes the fragment without adding a history entry or
// scrolling the page.
func setFragment(f string) {
	h := js.Global().Get("history")
	loc := js.Global().Get("location")
	url := loc.Get("pathname").String() + loc.Get("search").String()
	if f != "" {
		url += "#" + f
	}
	h.Call("replaceState", js.Null(), "", url)
}

// setAddress replaces the page's address with u (on the same origin)
// without reloading, scrolling or adding a history entry.
func setAddress(u string) {
	js.Global().Get("history").Call("replaceState", js.Null(), "", u)
}

// copyText copies s with the asynchronous clipboard API, falling back to
// a hidden text area where it is missing.
func copyText(s string) {
	nav := js.Global().Get("navigator")
	if cb := nav.Get("clipboard"); cb.Truthy() && cb.Get("writeText").Truthy() {
		p := cb.Call("writeText", s)
		var fail js.Func
		fail = js.FuncOf(func(js.Value, []js.Value) any {
			fallbackCopy(s)
			fail.Release()
			return nil
		})
		p.Call("catch", fail)
		return
	}
	fallbackCopy(s)
}

func fallbackCopy(s string) {
	doc := js.Global().Get("document")
	ta := doc.Call("createElement", "textarea")
	ta.Set("value", s)
	st := ta.Get("style")
	st.Set("position", "fixed")
	st.Set("top", "0")
	st.Set("left", "0")
	st.Set("opacity", "0")
	doc.Get("body").Call("appendChild", ta)
	opts := js.Global().Get("Object").New()
	opts.Set("preventScroll", true)
	ta.Call("focus", opts)
	ta.Call("select")
	doc.Call("execCommand", "copy")
	doc.Get("body").Call("removeChild", ta)
	focusCanvas()
}

// pickFile opens the browser's file picker (one results file, or a
// mapping file with the results file it describes) and sends the chosen
// files' bytes on ch.
func pickFile(ch chan<- []fileResult) {
	doc := js.Global().Get("document")
	in := doc.Call("createElement", "input")
	in.Set("type", "file")
	in.Set("multiple", true)
	in.Set("accept", ".csv,.json,.txt,.tsv")
	var onChange js.Func
	onChange = js.FuncOf(func(js.Value, []js.Value) any {
		onChange.Release()
		files := in.Get("files")
		n := min(files.Length(), 4)
		if n == 0 {
			return nil
		}
		results := make([]fileResult, n)
		left := n
		for i := 0; i < n; i++ {
			i := i
			f := files.Index(i)
			results[i].name = f.Get("name").String()
			var onData, onErr js.Func
			done := func() {
				onData.Release()
				onErr.Release()
				left--
				if left == 0 {
					go func() { ch <- results }()
					focusCanvas()
				}
			}
			onData = js.FuncOf(func(_ js.Value, args []js.Value) any {
				arr := js.Global().Get("Uint8Array").New(args[0])
				b := make([]byte, arr.Length())
				js.CopyBytesToGo(b, arr)
				results[i].data = b
				done()
				return nil
			})
			onErr = js.FuncOf(func(_ js.Value, args []js.Value) any {
				msg := "cannot read the file"
				if len(args) > 0 && args[0].Truthy() {
					msg = args[0].Call("toString").String()
				}
				results[i].err = jsError(msg)
				done()
				return nil
			})
			f.Call("arrayBuffer").Call("then", onData).Call("catch", onErr)
		}
		return nil
	})
	in.Call("addEventListener", "change", onChange)
	in.Call("click")
}

type jsError string

func (e jsError) Error() string { return string(e) }

var (
	hookState string
	hookFunc  js.Func
)

// publishState updates what window.tallyscope.state() returns.
func publishState(s string) {
	hookState = s
	if hookFunc.IsUndefined() {
		hookFunc = js.FuncOf(func(js.Value, []js.Value) any { return hookState })
		obj := js.Global().Get("tallyscope")
		if !obj.Truthy() {
			obj = js.Global().Get("Object").New()
			js.Global().Set("tallyscope", obj)
		}
		obj.Set("state", hookFunc)
	}
}

// focusCanvas gives the canvas keyboard focus (and a tabindex so that it
// can have it), so that keys work without a first click. It never
// scrolls the page, nor an article that embeds it. Inside a frame, call it
// only in answer to the reader's gesture in the frame (a copy, a file
// pick): see focusOnStart.
func focusCanvas() {
	c := js.Global().Get("document").Call("querySelector", "canvas")
	if !c.Truthy() {
		return
	}
	if !c.Call("hasAttribute", "tabindex").Bool() {
		c.Call("setAttribute", "tabindex", "0")
	}
	opts := js.Global().Get("Object").New()
	opts.Set("preventScroll", true)
	c.Call("focus", opts)
}

// focusOnStart gives the canvas the keyboard when the app starts, unless
// the page is in another page's frame: a guest in an article waits for
// the reader to click or tab into it.
func focusOnStart() {
	w := js.Global()
	if w.Get("top").Equal(w.Get("self")) {
		focusCanvas()
	}
}

// runOptions keeps Ebitengine from focusing the canvas itself when it
// starts (it does so without preventScroll); focusOnStart decides.
func runOptions() *ebiten.RunGameOptions {
	return &ebiten.RunGameOptions{InitUnfocused: true}
}

// Fetch downloads a same-origin file named relative to the page with the
// browser's fetch (net/http would add about 1.5 MB of TLS code to the
// download). It blocks until the file has arrived.
func Fetch(ref string) ([]byte, error) {
	type result struct {
		b   []byte
		err error
	}
	ch := make(chan result, 1)
	var onResp, onBuf, onErr js.Func
	release := func() {
		onResp.Release()
		onBuf.Release()
		onErr.Release()
	}
	onErr = js.FuncOf(func(_ js.Value, args []js.Value) any {
		msg := "download failed"
		if len(args) > 0 && args[0].Truthy() {
			msg = args[0].Call("toString").String()
		}
		ch <- result{err: jsError(msg)}
		return nil
	})
	onBuf = js.FuncOf(func(_ js.Value, args []js.Value) any {
		arr := js.Global().Get("Uint8Array").New(args[0])
		b := make([]byte, arr.Length())
		js.CopyBytesToGo(b, arr)
		ch <- result{b: b}
		return nil
	})
	onResp = js.FuncOf(func(_ js.Value, args []js.Value) any {
		resp := args[0]
		if !resp.Get("ok").Bool() {
			ch <- result{err: jsError("download failed: " + resp.Get("status").String() + " " + resp.Get("statusText").String())}
			return nil
		}
		resp.Call("arrayBuffer").Call("then", onBuf).Call("catch", onErr)
		return nil
	})
	opts := js.Global().Get("Object").New()
	opts.Set("credentials", "same-origin")
	js.Global().Call("fetch", ref, opts).Call("then", onResp).Call("catch", onErr)
	r := <-ch
	release()
	return r.b, r.err
}

// backgroundRuns makes the Monte Carlo runs on their own goroutine, in
// slices of 8 ms with a 1 ms sleep between them: the sleep gives the page
// back to the browser, so the runs fill the time between frames (most of
// it, when painting is slow) instead of a few milliseconds inside each.
func backgroundRuns(m *app.MonteCarlo) {
	go m.Background(8*time.Millisecond, func() { time.Sleep(time.Millisecond) })
}
