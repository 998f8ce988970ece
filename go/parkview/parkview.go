// Package parkview serves the Parkview app from inside a Go program, fed with the program's own
// goroutine profiles: no other process, no other port, no CORS.
//
//	h := parkview.New(parkview.Options{Every: 10 * time.Second})
//	defer h.Close()
//	mux.Handle("/debug/parkview/", h)
//
// Open /debug/parkview/ in a browser: every period the handler captures the profiles from
// runtime/pprof and the page adds them to its snapshot timeline as they arrive. Like
// net/http/pprof, it is for a debug listener: anyone who reaches it sees every goroutine's stack.
package parkview

import (
	"bytes"
	"crypto/rand"
	"embed"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync"
	"time"
)

// The Parkview app, copied from the Vite build by scripts/copy-go-app.mjs.
//
//go:embed all:app
var appFiles embed.FS

// Profile names a runtime/pprof profile and the form it is written in.
type Profile struct {
	// Name is the runtime/pprof name: "goroutine", "goroutineleak", …
	Name string
	// Debug is pprof's debug parameter: 0 for gzipped protobuf, 1 for text with one entry per
	// stack, 2 (goroutine only) for every goroutine's stack with its wait reason and minutes.
	Debug int
}

var (
	// Goroutine is the goroutine profile as gzipped protobuf, with its labels and capture time.
	Goroutine = Profile{Name: "goroutine"}
	// GoroutineStacks is the debug=2 dump: each goroutine with how long it has waited, which sharpens
	// the leak ranking. It stops the world while it is written, for longer the more goroutines run.
	GoroutineStacks = Profile{Name: "goroutine", Debug: 2}
	// GoroutineLeak lists the goroutines the garbage collector proved can never wake (Go 1.27, or
	// Go 1.26 built with GOEXPERIMENT=goroutineleakprofile); each capture runs that collection.
	GoroutineLeak = Profile{Name: "goroutineleak"}
)

// Options configures a Handler; the zero value captures Goroutine and GoroutineLeak every 15 s.
type Options struct {
	// Path is where the handler is mounted; "/debug/parkview/" when empty.
	Path string
	// Every is the period between captures; 15 s when zero.
	Every time.Duration
	// Profiles are captured each period; those this runtime lacks are skipped.
	Profiles []Profile
	// Keep is how many periods of captures are kept for pages opened later; 240 when zero.
	Keep int
	// MaxBytes bounds the memory the kept captures take; 64 MiB when zero. The oldest go first.
	MaxBytes int
}

type capture struct {
	id     int
	round  int
	name   string
	timeMs int64
	bytes  []byte
}

// Handler serves the app and the captures; it captures from New until Close.
type Handler struct {
	opts     Options
	profiles []Profile
	token    string
	files    http.Handler
	program  string

	mu        sync.Mutex
	captures  []capture
	size      int
	nextID    int
	round     int
	listeners map[chan capture]struct{}
	done      chan struct{}
	closeOnce sync.Once
}

// New starts capturing at once, so a page opened later shows the whole series kept so far.
func New(opts Options) *Handler {
	if opts.Path == "" {
		opts.Path = "/debug/parkview/"
	}
	if !strings.HasSuffix(opts.Path, "/") {
		opts.Path += "/"
	}
	if opts.Every <= 0 {
		opts.Every = 15 * time.Second
	}
	if opts.Profiles == nil {
		opts.Profiles = []Profile{Goroutine, GoroutineLeak}
	}
	if opts.Keep <= 0 {
		opts.Keep = 240
	}
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = 64 << 20
	}
	app, err := fs.Sub(appFiles, "app")
	if err != nil {
		panic(err)
	}
	h := &Handler{
		opts:      opts,
		token:     newToken(),
		files:     http.FileServer(http.FS(app)),
		program:   programName(),
		listeners: map[chan capture]struct{}{},
		done:      make(chan struct{}),
	}
	for _, p := range opts.Profiles {
		if pprof.Lookup(p.Name) != nil {
			h.profiles = append(h.profiles, p)
		}
	}
	go h.loop()
	return h
}

// Close stops capturing and ends the pages' event streams.
func (h *Handler) Close() {
	h.closeOnce.Do(func() { close(h.done) })
}

func (h *Handler) loop() {
	t := time.NewTicker(h.opts.Every)
	defer t.Stop()
	for {
		h.captureRound()
		select {
		case <-h.done:
			return
		case <-t.C:
		}
	}
}

func (h *Handler) captureRound() {
	h.mu.Lock()
	h.round++
	round := h.round
	h.mu.Unlock()
	for _, p := range h.profiles {
		var buf bytes.Buffer
		if err := pprof.Lookup(p.Name).WriteTo(&buf, p.Debug); err != nil {
			continue
		}
		h.add(capture{round: round, name: h.captureName(p, round), timeMs: time.Now().UnixMilli(), bytes: buf.Bytes()})
	}
}

// captureName follows pprof's naming of saved profiles, pprof.<program>.<profile>.NNN.pb.gz.
func (h *Handler) captureName(p Profile, round int) string {
	name := fmt.Sprintf("pprof.%s.%s.%03d", h.program, p.Name, round)
	if p.Debug == 0 {
		return name + ".pb.gz"
	}
	return fmt.Sprintf("%s.debug%d.txt", name, p.Debug)
}

func (h *Handler) add(c capture) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.nextID++
	c.id = h.nextID
	h.captures = append(h.captures, c)
	h.size += len(c.bytes)
	for len(h.captures) > 1 && (h.captures[0].round <= c.round-h.opts.Keep || h.size > h.opts.MaxBytes) {
		h.size -= len(h.captures[0].bytes)
		h.captures[0] = capture{}
		h.captures = h.captures[1:]
	}
	for l := range h.listeners {
		select {
		case l <- c:
		default: // a page that stopped reading misses captures rather than holding the others up
		}
	}
}

// ServeHTTP serves the app under the mount path and, under api/, the protocol the app follows:
// api/events streams each capture's id, name and time (Server-Sent Events) and
// api/snapshot/ID returns its bytes.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !strings.HasPrefix(r.URL.Path, h.opts.Path) {
		http.NotFound(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	rest := strings.TrimPrefix(r.URL.Path, h.opts.Path)
	for name, value := range securityHeaders {
		w.Header().Set(name, value)
	}
	if strings.HasPrefix(rest, "api/") {
		h.serveAPI(w, r, strings.TrimPrefix(rest, "api/"))
		return
	}
	if rest == "" && r.URL.Query().Get("token") != h.token {
		// The app follows the server that served it when its address carries that server's token.
		q := r.URL.Query()
		q.Set("token", h.token)
		http.Redirect(w, r, h.opts.Path+"?"+q.Encode(), http.StatusFound)
		return
	}
	if strings.HasPrefix(rest, "assets/") {
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		w.Header().Set("Cache-Control", "no-cache")
	}
	r2 := new(http.Request)
	*r2 = *r
	u := *r.URL
	u.Path = "/" + rest
	u.RawPath = ""
	r2.URL = &u
	h.files.ServeHTTP(w, r2)
}

// securityHeaders are the headers the parkview command sends with every answer: the app's own
// Content-Security-Policy, read from the meta tag of its built index.html, plus the framing rule a
// meta tag cannot carry; no type sniffing, no referrer.
var securityHeaders = func() map[string]string {
	page, err := appFiles.ReadFile("app/index.html")
	if err != nil {
		panic("parkview: the embedded app has no index.html")
	}
	meta := regexp.MustCompile(`http-equiv="Content-Security-Policy" content="([^"]+)"`).FindSubmatch(page)
	if meta == nil {
		panic("parkview: the embedded index.html carries no Content-Security-Policy")
	}
	return map[string]string{
		"Content-Security-Policy": html.UnescapeString(string(meta[1])) + "; frame-ancestors 'none'",
		"X-Frame-Options":         "DENY",
		"X-Content-Type-Options":  "nosniff",
		"Referrer-Policy":         "no-referrer",
	}
}()

var snapshotPath = regexp.MustCompile(`^snapshot/(\d+)$`)

func (h *Handler) serveAPI(w http.ResponseWriter, r *http.Request, rest string) {
	w.Header().Set("Cache-Control", "no-store")
	if refused := h.refuse(r); refused != "" {
		http.Error(w, "parkview: "+refused, http.StatusForbidden)
		return
	}
	if rest == "events" {
		h.streamEvents(w, r)
		return
	}
	m := snapshotPath.FindStringSubmatch(rest)
	if m == nil {
		http.NotFound(w, r)
		return
	}
	id, _ := strconv.Atoi(m[1])
	h.mu.Lock()
	var body []byte
	for _, c := range h.captures {
		if c.id == id {
			body = c.bytes
		}
	}
	h.mu.Unlock()
	if body == nil {
		http.Error(w, "no such snapshot", http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", "application/octet-stream")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.Write(body)
}

// refuse says why an api request is refused: it must carry the token, and come from this
// handler's own pages rather than another site's.
func (h *Handler) refuse(r *http.Request) string {
	if r.URL.Query().Get("token") != h.token {
		return "missing or wrong token: open " + h.opts.Path
	}
	if r.Header.Get("Sec-Fetch-Site") == "cross-site" {
		return "cross-site requests are not allowed"
	}
	if origin := r.Header.Get("Origin"); origin != "" && strings.TrimPrefix(strings.TrimPrefix(origin, "http://"), "https://") != r.Host {
		return "requests from " + origin + " are not allowed"
	}
	return ""
}

func (h *Handler) streamEvents(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming is not supported by this server", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	events := make(chan capture, 64)
	h.mu.Lock()
	backlog := append([]capture(nil), h.captures...)
	h.listeners[events] = struct{}{}
	h.mu.Unlock()
	defer func() {
		h.mu.Lock()
		delete(h.listeners, events)
		h.mu.Unlock()
	}()
	send := func(c capture) bool {
		data, _ := json.Marshal(struct {
			ID     int    `json:"id"`
			Name   string `json:"name"`
			TimeMs int64  `json:"timeMs"`
		}{c.id, c.name, c.timeMs})
		_, err := fmt.Fprintf(w, "event: snapshot\ndata: %s\n\n", data)
		return err == nil
	}
	for _, c := range backlog {
		if !send(c) {
			return
		}
	}
	flusher.Flush()
	keepAlive := time.NewTicker(15 * time.Second)
	defer keepAlive.Stop()
	for {
		select {
		case c := <-events:
			if !send(c) {
				return
			}
		case <-keepAlive.C:
			if _, err := fmt.Fprint(w, ": keep-alive\n\n"); err != nil {
				return
			}
		case <-r.Context().Done():
			return
		case <-h.done:
			return
		}
		flusher.Flush()
	}
}

func newToken() string {
	b := make([]byte, 24)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

func programName() string {
	name := strings.TrimSuffix(filepath.Base(os.Args[0]), ".exe")
	name = regexp.MustCompile(`[^A-Za-z0-9_-]+`).ReplaceAllString(name, "_")
	if name == "" {
		return "program"
	}
	return name
}
