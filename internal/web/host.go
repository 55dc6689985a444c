package web

import (
	"fmt"
	"net"
	"net/http"
	"strconv"
	"strings"
)

// CheckHost wraps h so that, when the server listens on a loopback
// address, it answers only requests whose Host header names that
// address: the bound host:port itself, or localhost, 127.0.0.1 or [::1]
// with the bound port (a Host without a port means port 80). Any other
// Host gets 421 Misdirected Request with a sentence naming the address
// to use. This defends a server on localhost against DNS rebinding: a
// web page whose own name an attacker points at 127.0.0.1 still sends
// its own name as the Host, so it cannot read the server's answers.
//
// When bound is not a loopback address (0.0.0.0, ::, or a network
// interface's address, as with --addr 0.0.0.0:8080), the server was
// opened to the network on purpose and is reached under names the
// program cannot know, so CheckHost returns h unchanged and every Host
// is accepted.
func CheckHost(h http.Handler, bound net.Addr) http.Handler {
	tcp, ok := bound.(*net.TCPAddr)
	if !ok || !tcp.IP.IsLoopback() {
		return h
	}
	port := strconv.Itoa(tcp.Port)
	names := map[string]bool{"localhost": true, "127.0.0.1": true, "::1": true, strings.ToLower(tcp.IP.String()): true}
	want := "http://" + net.JoinHostPort(tcp.IP.String(), port) + "/"
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host, p, err := net.SplitHostPort(r.Host)
		if err != nil {
			host, p = strings.Trim(r.Host, "[]"), "80"
		}
		if p == port && names[strings.ToLower(host)] {
			h.ServeHTTP(w, r)
			return
		}
		msg := fmt.Sprintf("This Tallyscope server answers only at %s (or localhost:%s); the request was addressed to %q.\n"+
			"Open the address the server printed. To serve other names, start it with --addr 0.0.0.0:%s.",
			want, port, r.Host, port)
		http.Error(w, msg, http.StatusMisdirectedRequest)
	})
}
