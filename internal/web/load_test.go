package web_test

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tallyscope/tallyscope/internal/web"
)

// TestLoad is the server's load test, for BENCHMARKS.md. It is skipped
// unless TALLYSCOPE_LOAD=1, so that CI stays fast, and it only reports
// figures: it asserts no timing. Everything runs on loopback, bounded in
// count and in time. Run it with
//
//	TALLYSCOPE_LOAD=1 go test ./internal/web -run '^TestLoad$' -count=1 -v
//
// Phase 1 has 500 clients ask for / (as a browser that accepts brotli)
// until 20,000 requests are answered or 60 s pass, and reports requests
// per second and the latency percentiles. Phase 2 sends a flood of 200
// requests for / whose data= values are distinct ~500 KB strings, 8 at a
// time, while 4 clients ask for / every 10 ms; it reports the peak
// resident memory (VmRSS sampled every 50 ms) and the p99 of those /
// requests. The flood stops after TALLYSCOPE_LOAD_BUDGET seconds
// (default 180); requests still waiting then are cancelled and counted
// as such. Other knobs: TALLYSCOPE_LOAD_QUERY sets the query's size in
// bytes, TALLYSCOPE_LOAD_FLOOD the number of requests (0 is a control:
// the 4 clients alone for 2 s), TALLYSCOPE_LOAD_MAX_HEADER the in-process
// server's MaxHeaderBytes.
// TALLYSCOPE_LOAD_PHASE=1 or 2 runs one phase only.
//
// By default the server is a Site in the test's own process, with a
// stand-in .wasm, and the memory is the whole process's. To measure a
// real "tallyscope serve" apart from the clients, start it on
// 127.0.0.1 and set TALLYSCOPE_LOAD_URL=http://127.0.0.1:PORT and
// TALLYSCOPE_LOAD_PID to its process id (scripts/serve_load.sh does).
func TestLoad(t *testing.T) {
	if os.Getenv("TALLYSCOPE_LOAD") == "" {
		t.Skip("set TALLYSCOPE_LOAD=1 to run the load test")
	}
	budget := 180 * time.Second
	if s := os.Getenv("TALLYSCOPE_LOAD_BUDGET"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			t.Fatalf("TALLYSCOPE_LOAD_BUDGET=%q: %v", s, err)
		}
		budget = time.Duration(n) * time.Second
	}
	phase := os.Getenv("TALLYSCOPE_LOAD_PHASE")
	base, pid := os.Getenv("TALLYSCOPE_LOAD_URL"), "self"
	if base != "" {
		// A running "tallyscope serve": only loopback, and its memory
		// is read from /proc/PID.
		if !strings.HasPrefix(base, "http://127.0.0.1:") {
			t.Fatalf("TALLYSCOPE_LOAD_URL=%q: only http://127.0.0.1:PORT", base)
		}
		pid = os.Getenv("TALLYSCOPE_LOAD_PID")
		if _, err := strconv.Atoi(pid); err != nil {
			t.Fatalf("TALLYSCOPE_LOAD_URL needs TALLYSCOPE_LOAD_PID, the server's process id")
		}
	} else {
		srv := httptest.NewUnstartedServer(testSite(t, web.Options{})) // 127.0.0.1 only
		if v := os.Getenv("TALLYSCOPE_LOAD_MAX_HEADER"); v != "" {
			// tallyscope serve sets 64 KB (65536); net/http's default is 1 MB.
			n, err := strconv.Atoi(v)
			if err != nil {
				t.Fatalf("TALLYSCOPE_LOAD_MAX_HEADER=%q: %v", v, err)
			}
			srv.Config.MaxHeaderBytes = n
		}
		srv.Start()
		defer srv.Close()
		base = srv.URL
	}
	rss := func() (int64, error) { return rssOf(pid) }
	tr := &http.Transport{MaxIdleConns: 1000, MaxIdleConnsPerHost: 1000, DisableCompression: true}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr}

	// fetchStatus gets target and reads the whole answer.
	fetchStatus := func(ctx context.Context, target string) (time.Duration, int, error) {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
		if err != nil {
			return 0, 0, err
		}
		req.Header.Set("Accept-Encoding", "gzip, deflate, br")
		start := time.Now()
		res, err := client.Do(req)
		if err != nil {
			return 0, 0, err
		}
		_, err = io.Copy(io.Discard, res.Body)
		res.Body.Close()
		return time.Since(start), res.StatusCode, err
	}
	// fetch is fetchStatus that wants 200 OK.
	fetch := func(ctx context.Context, target string) (time.Duration, error) {
		d, code, err := fetchStatus(ctx, target)
		if err == nil && code != http.StatusOK {
			err = fmt.Errorf("status %d", code)
		}
		return d, err
	}

	// Phase 1: / at 500 concurrent clients.
	if phase != "2" {
		const clients, total = 500, 20000
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		var next atomic.Int64
		lat := make([][]time.Duration, clients)
		var errs atomic.Int64
		var wg sync.WaitGroup
		start := time.Now()
		for c := range clients {
			wg.Go(func() {
				for next.Add(1) <= total && ctx.Err() == nil {
					d, err := fetch(ctx, base+"/")
					if err != nil {
						errs.Add(1)
						continue
					}
					lat[c] = append(lat[c], d)
				}
			})
		}
		wg.Wait()
		elapsed := time.Since(start)
		cancel()
		all := slices.Concat(lat...)
		t.Logf("phase 1: / at %d clients: %d requests in %.2f s = %.0f req/s, %d errors; latency %s",
			clients, len(all), elapsed.Seconds(), float64(len(all))/elapsed.Seconds(), errs.Load(), percentiles(all))
	}
	tr.CloseIdleConnections()
	runtime.GC()

	// Phase 2: the query-string flood, with / measured while it runs.
	if phase != "1" {
		const workers, probers = 8, 4
		flood := int64(200)
		if v := os.Getenv("TALLYSCOPE_LOAD_FLOOD"); v != "" {
			// 0 is the control: the 4 clients alone for 2 s.
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				t.Fatalf("TALLYSCOPE_LOAD_FLOOD=%q: %v", v, err)
			}
			flood = n
		}
		querySize := 500 << 10
		if s := os.Getenv("TALLYSCOPE_LOAD_QUERY"); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil {
				t.Fatalf("TALLYSCOPE_LOAD_QUERY=%q: %v", s, err)
			}
			querySize = n
		}
		// A running server has served / before: render it first.
		if _, err := fetch(context.Background(), base+"/"); err != nil {
			t.Fatal(err)
		}
		rssBefore, _ := rss()
		ctx, cancel := context.WithTimeout(context.Background(), budget)
		defer cancel()
		var peak atomic.Int64
		peak.Store(rssBefore)
		stopSampling := make(chan struct{})
		var sampler sync.WaitGroup
		sampler.Go(func() {
			tick := time.NewTicker(50 * time.Millisecond)
			defer tick.Stop()
			for {
				select {
				case <-stopSampling:
					return
				case <-tick.C:
					if r, err := rss(); err == nil && r > peak.Load() {
						peak.Store(r)
					}
				}
			}
		})

		floodDone := make(chan struct{})
		var probeMu sync.Mutex
		var probe []time.Duration
		var probeErrs atomic.Int64
		var probing sync.WaitGroup
		for range probers {
			probing.Go(func() {
				for {
					select {
					case <-floodDone:
						return
					default:
					}
					d, err := fetch(ctx, base+"/")
					if err != nil {
						probeErrs.Add(1)
					} else {
						probeMu.Lock()
						probe = append(probe, d)
						probeMu.Unlock()
					}
					time.Sleep(10 * time.Millisecond)
				}
			})
		}

		var next, failed atomic.Int64
		var statusMu sync.Mutex
		statuses := map[int]int{}
		var wg sync.WaitGroup
		start := time.Now()
		for w := range workers {
			wg.Go(func() {
				// Random letters, made once per worker; the request's
				// number in front makes each query distinct.
				rng := rand.New(rand.NewPCG(uint64(w), 1))
				q := make([]byte, querySize)
				for j := range q {
					q[j] = 'a' + byte(rng.IntN(26))
				}
				for {
					i := next.Add(1)
					if i > flood || ctx.Err() != nil {
						return
					}
					_, code, err := fetchStatus(ctx, base+"/?data="+strconv.FormatInt(i, 10)+string(q))
					if err != nil {
						failed.Add(1)
						continue
					}
					statusMu.Lock()
					statuses[code]++
					statusMu.Unlock()
				}
			})
		}
		wg.Wait()
		if flood == 0 {
			time.Sleep(2 * time.Second)
		}
		elapsed := time.Since(start)
		close(floodDone)
		probing.Wait()
		close(stopSampling)
		sampler.Wait()
		var ms runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&ms)
		rssAfter, _ := rss()
		t.Logf("phase 2: flood of %d requests with %d-byte queries, %d at a time: answered with status:count %v, %d failed or cancelled, in %.1f s",
			flood, querySize, workers, statuses, failed.Load(), elapsed.Seconds())
		if pid == "self" {
			t.Logf("phase 2: RSS %d MB before, peak %d MB during, %d MB after; live heap after the flood and a GC: %d MB",
				rssBefore>>20, peak.Load()>>20, rssAfter>>20, ms.HeapAlloc>>20)
		} else {
			t.Logf("phase 2: server (pid %s) RSS %d MB before, peak %d MB during, %d MB after",
				pid, rssBefore>>20, peak.Load()>>20, rssAfter>>20)
		}
		t.Logf("phase 2: / during the flood (%d clients, every 10 ms): %d answered, %d failed; latency %s",
			probers, len(probe), probeErrs.Load(), percentiles(probe))
	}
}

// percentiles formats the median, p99 and maximum of ds.
func percentiles(ds []time.Duration) string {
	if len(ds) == 0 {
		return "(no samples)"
	}
	slices.Sort(ds)
	at := func(p float64) time.Duration { return ds[min(len(ds)-1, int(p*float64(len(ds))))] }
	return fmt.Sprintf("p50 %s, p99 %s, max %s", at(0.50).Round(10*time.Microsecond), at(0.99).Round(10*time.Microsecond), ds[len(ds)-1].Round(10*time.Microsecond))
}

// rssOf returns the resident memory of the process pid ("self" for this
// one) in bytes, from /proc.
func rssOf(pid string) (int64, error) {
	b, err := os.ReadFile("/proc/" + pid + "/statm")
	if err != nil {
		return 0, err
	}
	f := strings.Fields(string(b))
	if len(f) < 2 {
		return 0, fmt.Errorf("statm: %q", b)
	}
	pages, err := strconv.ParseInt(f[1], 10, 64)
	return pages * int64(os.Getpagesize()), err
}
