// Command leaky is a service that leaks a goroutine per timed-out request, with Parkview mounted
// at /debug/parkview/ to watch the leak grow.
package main

import (
	"context"
	"flag"
	"log"
	"net/http"
	"time"

	"github.com/parkview/parkview/go/parkview"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:6060", "listen address")
	every := flag.Duration("every", 5*time.Second, "how often Parkview captures the goroutine profiles")
	flag.Parse()

	pv := parkview.New(parkview.Options{Every: *every})
	defer pv.Close()
	mux := http.NewServeMux()
	mux.Handle("/debug/parkview/", pv)
	go func() {
		log.Printf("Parkview on http://%s/debug/parkview/", *addr)
		log.Fatal(http.ListenAndServe(*addr, mux))
	}()

	for {
		handleRequest(20 * time.Millisecond)
	}
}

// handleRequest gives up after timeout, and nobody receives the result the worker then sends.
func handleRequest(timeout time.Duration) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	result := make(chan int)
	go func() {
		result <- lookup()
	}()
	select {
	case <-result:
	case <-ctx.Done():
	}
}

func lookup() int {
	time.Sleep(50 * time.Millisecond)
	return 42
}
