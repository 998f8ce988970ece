package parkview_test

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"runtime/pprof"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parkview/parkview/go/parkview"
)

// blockedSender never completes: nobody receives from its channel.
//
//go:noinline
func blockedSender(ch chan int) { ch <- 1 }

// leak starts n blocked senders and returns once every one is parked on its send,
// so that the first capture already shows all of them.
func leak(n int) {
	for i := 0; i < n; i++ {
		go blockedSender(make(chan int))
	}
	parked := regexp.MustCompile(`(?m)^goroutine \d+ \[chan send\]:\n[^\n]*parkview_test\.blockedSender\(`)
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		var dump bytes.Buffer
		pprof.Lookup("goroutine").WriteTo(&dump, 2)
		if len(parked.FindAllIndex(dump.Bytes(), -1)) >= n {
			return
		}
	}
}

type event struct {
	ID     int    `json:"id"`
	Name   string `json:"name"`
	TimeMs int64  `json:"timeMs"`
}

// serve mounts h at /debug/parkview/ of a real HTTP server, as a service would.
func serve(t *testing.T, h *parkview.Handler) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.Handle("/debug/parkview/", h)
	srv := httptest.NewServer(mux)
	t.Cleanup(func() {
		h.Close()
		srv.Close()
	})
	return srv
}

var noRedirects = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

// token opens the page as a browser would and returns the token its address was given.
func token(t *testing.T, srv *httptest.Server) string {
	t.Helper()
	res, err := noRedirects.Get(srv.URL + "/debug/parkview/")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusFound {
		t.Fatalf("page without a token: status %d, want a redirect", res.StatusCode)
	}
	loc, _ := url.Parse(res.Header.Get("Location"))
	if loc.Path != "/debug/parkview/" || !regexp.MustCompile(`^[A-Za-z0-9_-]{16,128}$`).MatchString(loc.Query().Get("token")) {
		t.Fatalf("redirect to %q: want /debug/parkview/?token=…", loc)
	}
	return loc.Query().Get("token")
}

func get(t *testing.T, u string, header ...string) (*http.Response, []byte) {
	t.Helper()
	req, _ := http.NewRequest("GET", u, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, body
}

// events reads the event stream until `until` holds for what arrived, or with a nil `until` to its end.
func events(t *testing.T, u string, until func([]event) bool) []event {
	t.Helper()
	res, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if ct := res.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events: Content-Type %q", ct)
	}
	var got []event
	lines := bufio.NewScanner(res.Body)
	timeout := time.AfterFunc(20*time.Second, func() { res.Body.Close() })
	defer timeout.Stop()
	for lines.Scan() {
		data := strings.TrimPrefix(lines.Text(), "data: ")
		if data == lines.Text() {
			continue
		}
		var e event
		if err := json.Unmarshal([]byte(data), &e); err != nil {
			t.Fatalf("event %q: %v", data, err)
		}
		got = append(got, e)
		if until != nil && until(got) {
			return got
		}
	}
	if until != nil {
		t.Fatalf("the event stream ended after %d events: %+v", len(got), got)
	}
	return got
}

func named(list []event, re string) []event {
	var out []event
	for _, e := range list {
		if regexp.MustCompile(re).MatchString(e.Name) {
			out = append(out, e)
		}
	}
	return out
}

func gunzip(t *testing.T, b []byte) []byte {
	t.Helper()
	r, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("not gzip: %v", err)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestServesTheAppAndTheProcesssGoroutineProfiles(t *testing.T) {
	leak(25)
	h := parkview.New(parkview.Options{Every: 100 * time.Millisecond, Profiles: []parkview.Profile{parkview.Goroutine, {Name: "goroutine", Debug: 1}, parkview.GoroutineStacks, parkview.GoroutineLeak}})
	srv := serve(t, h)
	base := srv.URL + "/debug/parkview/"
	tok := token(t, srv)

	res, page := get(t, base+"?token="+tok)
	if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") || !bytes.Contains(page, []byte("<title>Parkview</title>")) {
		t.Fatalf("page: status %d, %s, %.200s", res.StatusCode, res.Header.Get("Content-Type"), page)
	}
	if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self' 'wasm-unsafe-eval'") || !strings.HasSuffix(csp, "; frame-ancestors 'none'") || res.Header.Get("X-Frame-Options") != "DENY" || res.Header.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("page security headers: %v", res.Header)
	}
	script := regexp.MustCompile(`src="\./(assets/[^"]+\.js)"`).FindSubmatch(page)
	if script == nil {
		t.Fatalf("page names no script: %.500s", page)
	}
	res, js := get(t, base+string(script[1]))
	if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/javascript") || len(js) < 10000 || !strings.Contains(res.Header.Get("Cache-Control"), "immutable") {
		t.Fatalf("%s: status %d, %s, %d bytes, Cache-Control %q", script[1], res.StatusCode, res.Header.Get("Content-Type"), len(js), res.Header.Get("Cache-Control"))
	}

	leakProfile := pprof.Lookup("goroutineleak") != nil
	t.Logf("this runtime has the goroutineleak profile: %v", leakProfile)
	got := events(t, base+"api/events?token="+tok, func(list []event) bool { return len(named(list, `\.goroutine\.\d{3}\.pb\.gz$`)) >= 3 })
	for _, e := range got {
		if !regexp.MustCompile(`^pprof\.parkview_test\.(goroutine|goroutineleak)\.\d{3}(\.pb\.gz|\.debug[12]\.txt)$`).MatchString(e.Name) || e.TimeMs < time.Now().Add(-time.Minute).UnixMilli() {
			t.Errorf("event %+v: want pprof.parkview_test.<profile>.NNN.<form> captured just now", e)
		}
	}
	if first := got[0].Name; first != "pprof.parkview_test.goroutine.001.pb.gz" {
		t.Errorf("first capture %q", first)
	}
	if n := len(named(got, `\.goroutineleak\.`)); (n > 0) != leakProfile {
		t.Errorf("%d goroutineleak captures, with the runtime's goroutineleak profile present: %v", n, leakProfile)
	}

	snapshot := func(e event) []byte {
		res, body := get(t, base+"api/snapshot/"+strconv.Itoa(e.ID)+"?token="+tok)
		if res.StatusCode != 200 || res.Header.Get("Content-Type") != "application/octet-stream" {
			t.Fatalf("snapshot %d: status %d", e.ID, res.StatusCode)
		}
		return body
	}
	proto := gunzip(t, snapshot(named(got, `\.goroutine\.\d{3}\.pb\.gz$`)[0]))
	if !bytes.Contains(proto, []byte("parkview_test.blockedSender")) || !bytes.Contains(proto, []byte("goroutine")) {
		t.Errorf("the protobuf capture lacks the leaking function")
	}
	text := string(snapshot(named(got, `\.debug1\.txt$`)[0]))
	if !strings.HasPrefix(text, "goroutine profile: total ") || !regexp.MustCompile(`(?m)^25 @ [^\n]*\n#\t0x[0-9a-f]+\t\S*parkview_test\.blockedSender\+`).MatchString(text) {
		t.Errorf("debug=1 capture: %.600s", text)
	}
	stacks := string(snapshot(named(got, `\.debug2\.txt$`)[0]))
	if n := len(regexp.MustCompile(`(?m)^goroutine \d+ \[chan send(, \d+ minutes)?\]:\n[^\n]*parkview_test\.blockedSender\(`).FindAllString(stacks, -1)); n != 25 {
		t.Errorf("debug=2 capture: %d goroutines in blockedSender, want 25", n)
	}
	if leakProfile {
		proven := gunzip(t, snapshot(named(got, `\.goroutineleak\.`)[0]))
		if !bytes.Contains(proven, []byte("parkview_test.blockedSender")) {
			t.Errorf("the goroutineleak capture does not name blockedSender")
		}
	}
}

func TestRefusesAPIRequestsWithoutTheTokenOrFromOtherSites(t *testing.T) {
	srv := serve(t, parkview.New(parkview.Options{Every: time.Hour, Profiles: []parkview.Profile{parkview.Goroutine}}))
	base := srv.URL + "/debug/parkview/api/snapshot/1"
	tok := token(t, srv)
	events(t, srv.URL+"/debug/parkview/api/events?token="+tok, func(list []event) bool { return len(list) == 1 })
	for _, c := range []struct {
		url    string
		header []string
		status int
	}{
		{base + "?token=" + tok, nil, 200},
		{base, nil, 403},
		{base + "?token=wrong" + tok[5:], nil, 403},
		{base + "?token=" + tok, []string{"Sec-Fetch-Site", "cross-site"}, 403},
		{base + "?token=" + tok, []string{"Origin", "http://evil.example"}, 403},
		{srv.URL + "/debug/parkview/api/snapshot/99?token=" + tok, nil, 404},
	} {
		if res, body := get(t, c.url, c.header...); res.StatusCode != c.status {
			t.Errorf("%s %v: status %d (%s), want %d", c.url, c.header, res.StatusCode, body, c.status)
		}
	}
	// A page with a stale token (from before a restart) is sent to the current one.
	res, err := noRedirects.Get(srv.URL + "/debug/parkview/?token=stale-token-from-before&view=top")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if loc := res.Header.Get("Location"); res.StatusCode != http.StatusFound || !strings.Contains(loc, "token="+tok) || !strings.Contains(loc, "view=top") {
		t.Errorf("stale token: status %d, Location %q", res.StatusCode, loc)
	}
}

func TestKeepsOnlyTheLastPeriods(t *testing.T) {
	h := parkview.New(parkview.Options{Every: 20 * time.Millisecond, Keep: 3, Profiles: []parkview.Profile{parkview.Goroutine, {Name: "goroutine", Debug: 1}}})
	srv := serve(t, h)
	base := srv.URL + "/debug/parkview/api/"
	tok := token(t, srv)
	// Once round 8 is in, stop; a page that connects then gets the last 3 rounds only.
	first := events(t, base+"events?token="+tok, func(list []event) bool { return len(named(list, `\.008\.debug1\.txt$`)) > 0 })
	h.Close()
	backlog := events(t, base+"events?token="+tok, nil)
	var names []string
	for _, e := range backlog {
		names = append(names, e.Name)
	}
	round := func(name string) int {
		n, _ := strconv.Atoi(regexp.MustCompile(`\.(\d{3})\.`).FindStringSubmatch(name)[1])
		return n
	}
	r := round(names[len(names)-1])
	want := []string{}
	for i := r - 2; i <= r; i++ {
		want = append(want, fmt.Sprintf("pprof.parkview_test.goroutine.%03d.pb.gz", i), fmt.Sprintf("pprof.parkview_test.goroutine.%03d.debug1.txt", i))
	}
	if strings.Join(names, " ") != strings.Join(want, " ") || r < 8 {
		t.Errorf("kept %v, want %v", names, want)
	}
	if res, _ := get(t, base+"snapshot/"+strconv.Itoa(first[0].ID)+"?token="+tok); res.StatusCode != 404 {
		t.Errorf("the first capture, dropped since: status %d", res.StatusCode)
	}
}
