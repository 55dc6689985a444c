package web

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// ErrGo means that the go command is missing or failed.
var ErrGo = errors.New("web: go command")

// DefaultPackage is the app's main package, relative to the module root.
const DefaultPackage = "./wasm"

// goCommand returns the go command from PATH.
func goCommand() (string, error) {
	p, err := exec.LookPath("go")
	if err != nil {
		return "", fmt.Errorf("%w: not found in PATH (install Go to build the app): %v", ErrGo, err)
	}
	return p, nil
}

// WASMGCFlags are the compiler flags of the browser build: no inlining,
// except in the runtime, package math and its children, and the core
// (sim/... but forensics, geo and synth), whose loops the scenarios and
// the Monte Carlo runs spend their time in. Inlining copies a function's
// body into each caller; in a Go WebAssembly module those copies compress
// badly, and turning it off elsewhere (Ebitengine, the shader compiler,
// fmt, reflect, encoding/json, the views) takes about 340 KB off the gzip
// download and 260 KB off the brotli one. Measured under Node, the app's
// start and its Monte Carlo runs take the same time within the noise; a
// slider step is about 2 ms slower (BENCHMARKS.md, "Inlining and the
// download").
// For each package the go command applies the last pattern that matches.
var WASMGCFlags = []string{
	"-gcflags=all=-l",
	"-gcflags=runtime=",
	"-gcflags=math/...=",
	"-gcflags=github.com/tallyscope/tallyscope/sim/...=",
	// Run once per data set (the Checks view, the map's boundaries, a
	// mystery election): not worth their 21 KB of gzip inlined.
	"-gcflags=github.com/tallyscope/tallyscope/sim/forensics=-l",
	"-gcflags=github.com/tallyscope/tallyscope/sim/geo=-l",
	"-gcflags=github.com/tallyscope/tallyscope/sim/synth=-l",
}

// BuildWASM compiles the main package pkg (such as "./wasm") of the
// module at root for GOOS=js GOARCH=wasm into the file out. The build
// is reproducible and holds no machine paths (-trimpath). The go
// command's build cache makes a second build of unchanged source fast.
func BuildWASM(ctx context.Context, root, pkg, out string) error {
	goBin, err := goCommand()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return fmt.Errorf("web: %w", err)
	}
	tmp := fmt.Sprintf("%s.%d.tmp", out, os.Getpid())
	args := append([]string{"build", "-trimpath", "-ldflags=-s -w"}, WASMGCFlags...)
	cmd := exec.CommandContext(ctx, goBin, append(args, "-o", tmp, pkg)...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("%w: GOOS=js GOARCH=wasm go build %s: %v\n%s", ErrGo, pkg, err, strings.TrimSpace(stderr.String()))
	}
	if err := os.Rename(tmp, out); err != nil {
		return fmt.Errorf("web: %w", err)
	}
	return nil
}

// WasmExecJS returns the contents of the wasm_exec.js that belongs to
// the Go toolchain building the app, from $(go env GOROOT)/lib/wasm (or
// misc/wasm before Go 1.24). The glue and the compiler must match: a
// wasm_exec.js from another Go version fails at start-up.
func WasmExecJS(ctx context.Context, root string) ([]byte, string, error) {
	goBin, err := goCommand()
	if err != nil {
		return nil, "", err
	}
	cmd := exec.CommandContext(ctx, goBin, "env", "GOROOT")
	cmd.Dir = root
	outb, err := cmd.Output()
	if err != nil {
		return nil, "", fmt.Errorf("%w: go env GOROOT: %v", ErrGo, err)
	}
	goroot := strings.TrimSpace(string(outb))
	var firstErr error
	for _, rel := range []string{"lib/wasm/wasm_exec.js", "misc/wasm/wasm_exec.js"} {
		p := filepath.Join(goroot, filepath.FromSlash(rel))
		b, err := os.ReadFile(p)
		if err == nil {
			return b, p, nil
		}
		if firstErr == nil {
			firstErr = err
		}
	}
	return nil, "", fmt.Errorf("%w: wasm_exec.js not found in GOROOT %s: %v", ErrGo, goroot, firstErr)
}
