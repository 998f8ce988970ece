// Command scenarios runs one series of the leak-accuracy benchmark: a known goroutine leak or a
// benign look-alike, on top of a service's healthy background load, and writes goroutine profiles
// of the live process at the requested moments (debug=0 protobuf, debug=1 and debug=2 text) with a
// manifest naming the functions that leak.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"time"
)

const warmup = 5 * time.Second

// manifest describes one run for the scorer.
type manifest struct {
	Scenario string `json:"scenario"`
	// Leak lists the functions whose goroutines leak; empty for a benign scenario.
	Leak     []string  `json:"leak"`
	Captures []capture `json:"captures"`
}

type capture struct {
	Seq    int   `json:"seq"`
	TimeMs int64 `json:"timeMs"`
}

func main() {
	name := flag.String("scenario", "", "scenario to run (see scenarios.go)")
	out := flag.String("out", "", "folder for the profiles and manifest.json")
	at := flag.String("at", "0s,45s,90s", "capture moments after start, comma-separated durations")
	formats := flag.String("formats", "pb", "comma-separated: pb, debug1, debug2, leak (the goroutineleak profile)")
	rate := flag.Float64("rate", 20, "leaks per minute on the steady track")
	burst := flag.Duration("burst", 0, "run the buggy path only for this long (at 50 requests a second), then never again")
	bursty := flag.Bool("bursty", false, "add bursts of short-lived request goroutines to the background load")
	flag.Parse()
	s, ok := scenarios[*name]
	if !ok || *out == "" {
		log.Fatalf("usage: scenarios -scenario NAME -out DIR (scenarios: %s)", strings.Join(scenarioNames(), ", "))
	}
	moments, err := parseMoments(*at)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		log.Fatal(err)
	}
	// The service runs for a while before the first capture; a steady leak has already left five
	// minutes' worth of goroutines by then. A burst starts a second after the first capture.
	startBackground(*bursty)
	switch {
	case s.trigger == nil:
		go s.run()
	case *burst == 0:
		for i := 0; i < max(3, int(5**rate)); i++ {
			s.trigger()
		}
		go drive(s.trigger, time.Duration(float64(time.Minute) / *rate), 0)
	}
	time.Sleep(warmup)
	start := time.Now()
	if s.trigger != nil && *burst > 0 {
		time.AfterFunc(time.Second, func() { drive(s.trigger, 20*time.Millisecond, *burst) })
	}
	m := manifest{Scenario: *name, Leak: s.leak}
	for i, d := range moments {
		time.Sleep(time.Until(start.Add(d)))
		seq := i + 1
		for _, f := range strings.Split(*formats, ",") {
			if err := write(*out, *name, f, seq); err != nil {
				log.Fatal(err)
			}
		}
		m.Captures = append(m.Captures, capture{Seq: seq, TimeMs: time.Now().UnixMilli()})
	}
	b, _ := json.MarshalIndent(m, "", "  ")
	if err := os.WriteFile(filepath.Join(*out, "manifest.json"), b, 0o644); err != nil {
		log.Fatal(err)
	}
}

// drive calls trigger every period, forever or until the burst is over.
func drive(trigger func(), period, burst time.Duration) {
	begin := time.Now()
	for burst == 0 || time.Since(begin) < burst {
		trigger()
		time.Sleep(period)
	}
}

func write(dir, name, format string, seq int) error {
	var buf bytes.Buffer
	var file string
	switch format {
	case "pb":
		file = fmt.Sprintf("pprof.%s.goroutine.%03d.pb.gz", name, seq)
		if err := pprof.Lookup("goroutine").WriteTo(&buf, 0); err != nil {
			return err
		}
	case "leak":
		// Go 1.26+ with GOEXPERIMENT=goroutineleakprofile, and Go 1.27, have the profile.
		p := pprof.Lookup("goroutineleak")
		if p == nil {
			return fmt.Errorf("this Go (%s) has no goroutineleak profile", runtime.Version())
		}
		file = fmt.Sprintf("pprof.%s.goroutineleak.%03d.pb.gz", name, seq)
		if err := p.WriteTo(&buf, 0); err != nil {
			return err
		}
	case "debug1", "debug2":
		file = fmt.Sprintf("goroutine.%s.%03d.%s.txt", name, seq, format)
		if err := pprof.Lookup("goroutine").WriteTo(&buf, int(format[5]-'0')); err != nil {
			return err
		}
	default:
		return fmt.Errorf("unknown format %q", format)
	}
	return os.WriteFile(filepath.Join(dir, file), buf.Bytes(), 0o644)
}

func parseMoments(s string) ([]time.Duration, error) {
	var out []time.Duration
	for _, p := range strings.Split(s, ",") {
		d, err := time.ParseDuration(strings.TrimSpace(p))
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, nil
}
