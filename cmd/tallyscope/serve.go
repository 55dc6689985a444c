package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/tallyscope/tallyscope/internal/i18n"
	"github.com/tallyscope/tallyscope/internal/web"
)

func init() {
	register(&command{
		name:    "serve",
		summary: "build the interactive visualizer and serve it on this machine",
		run: func(args []string, stdout, stderr io.Writer) error {
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			return runServe(ctx, args, stdout, stderr)
		},
	})
}

const serveDescription = `Serve builds the visualizer for the browser (GOOS=js GOARCH=wasm go build ./wasm,
so it must run inside the repository, with Go installed), copies the matching
wasm_exec.js, compresses everything with gzip and brotli, and serves the page
until interrupted. It prints the address to open. By default it listens on
127.0.0.1 only, so nobody else on the network can reach it, and it then answers
only requests addressed to 127.0.0.1, localhost or [::1] at its port (a defence
against DNS rebinding); with --addr 0.0.0.0:PORT it answers any name.

The page shows a text summary of the data at once, then a progress bar while
the app downloads, then the app. It makes no request outside its own address.`

// runServe parses the flags, builds the site and serves it until ctx ends.
func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("serve", "serve [--addr HOST:PORT] [--data FILE] [--lang en|es]", serveDescription, []string{
		"tallyscope serve",
		"tallyscope serve --lang es --addr 127.0.0.1:9000",
		"tallyscope serve --data RESULTADOS_2024_CSV_V2.csv",
	}, stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "`address` to listen on (port 0 picks a free one; 0.0.0.0 opens it to the network)")
	data := fs.String("data", "", "results `file` to show instead of the built-in data; it is served from the same address")
	lang := fs.String("lang", "", "`language` of the page and the app, en or es (default: the browser's)")
	wasm := fs.String("wasm", "", "serve this already built `app.wasm` instead of building ./wasm")
	buildDir := fs.String("build-dir", "", "`folder` for the built app and the compression cache (default: build/web in the repository)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err.Error()}
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("serve takes no arguments (got %q); use --data FILE to serve a file", fs.Arg(0))}
	}

	pl, _ := i18n.Parse(*lang)
	preview, err := drawPreview(*data, "", "", pl, stderr)
	if err != nil {
		return err
	}
	site, err := web.Build(ctx, web.Options{
		WASM:     *wasm,
		BuildDir: *buildDir,
		Data:     *data,
		Lang:     *lang,
		Preview:  preview,
		Log:      stderr,
	})
	if err != nil {
		if errors.Is(err, web.ErrOption) {
			return usageError{err.Error()}
		}
		return err
	}
	defer site.Close()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("serve: %w (choose another address with --addr, or --addr 127.0.0.1:0 for any free port)", err)
	}
	srv := newHTTPServer(web.CheckHost(site, ln.Addr()))
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()

	tcp, _ := ln.Addr().(*net.TCPAddr)
	if tcp != nil && !tcp.IP.IsLoopback() {
		fmt.Fprintf(stderr, "warning: listening on %s: anyone who can reach this machine can open the page\n", ln.Addr())
	}
	fmt.Fprintf(stdout, "Tallyscope is ready: open %s (Ctrl+C stops the server)\n", browseURL(ln.Addr()))

	select {
	case err := <-done:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return srv.Shutdown(shutdown)
}

// The server's time limits. WriteTimeout bounds a whole response from
// the end of its request's headers: 5 minutes lets a slow but real
// connection fetch the 14 MB app uncompressed at about 380 kbit/s, and
// its 2.5 MB brotli form (see BENCHMARKS.md) at about 70 kbit/s, while a
// client that stops reading loses its connection then instead of
// keeping it for good. IdleTimeout closes a kept-alive connection that
// sends no next request. There is no ReadTimeout: the site takes only GET
// and HEAD, whose requests end with their headers, and net/http's read
// deadline would cancel the request's context in the middle of a slow
// download. serveMaxHeaderBytes caps a request's
// headers (net/http answers 431 beyond it; its default is 1 MB): the
// page's own URLs are short, and web.Site refuses a query over
// web.MaxQuery anyway.
const (
	serveReadHeaderTimeout = 10 * time.Second
	serveWriteTimeout      = 5 * time.Minute
	serveIdleTimeout       = 30 * time.Second
	serveMaxHeaderBytes    = 64 << 10
)

// newHTTPServer returns the server for h with the time limits above.
func newHTTPServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: serveReadHeaderTimeout,
		WriteTimeout:      serveWriteTimeout,
		IdleTimeout:       serveIdleTimeout,
		MaxHeaderBytes:    serveMaxHeaderBytes,
	}
}

// browseURL returns the address a person should open for a listener:
// an unspecified host (0.0.0.0, ::) becomes localhost.
func browseURL(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok {
		return "http://" + a.String() + "/"
	}
	host := tcp.IP.String()
	if tcp.IP == nil || tcp.IP.IsUnspecified() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, fmt.Sprint(tcp.Port)) + "/"
}
