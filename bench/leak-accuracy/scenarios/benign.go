package main

import (
	"context"
	"math/rand"
	"net"
	"time"

	"golang.org/x/sync/errgroup"
)

// Benign look-alikes: goroutines that come and go, or stay by design, and keep waking up.

// A pool that starts lazily, grows to its size, then stays there, busy.
func plateauPool() {
	jobs := make(chan int)
	go func() {
		for {
			jobs <- 50
			time.Sleep(20 * time.Millisecond)
		}
	}()
	for i := 0; i < 300; i++ {
		go resizeWorker(jobs)
		time.Sleep(100 * time.Millisecond)
	}
}

func resizeWorker(jobs <-chan int) {
	for j := range jobs {
		work(j)
	}
}

// Bursts of requests that all finish within seconds.
func requestStorms() {
	for {
		n := 300 + rand.Intn(500)
		for i := 0; i < n; i++ {
			go handleStormRequest(time.Duration(200+rand.Intn(4000)) * time.Millisecond)
		}
		time.Sleep(time.Duration(10+rand.Intn(20)) * time.Second)
	}
}

func handleStormRequest(d time.Duration) {
	done := make(chan struct{})
	time.AfterFunc(d, func() { close(done) })
	<-done
}

// Client connections that open and close all the time; the server reads each for a while.
func churningConnections() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go serveConn(c)
		}
	}()
	for {
		c, err := net.Dial("tcp", ln.Addr().String())
		if err == nil {
			go holdConn(c, time.Duration(500+rand.Intn(6000))*time.Millisecond)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func serveConn(c net.Conn) {
	defer c.Close()
	buf := make([]byte, 64)
	for {
		if _, err := c.Read(buf); err != nil {
			return
		}
	}
}

func holdConn(c net.Conn, d time.Duration) {
	time.Sleep(d)
	c.Close()
}

// Pollers that tick for a while and are then stopped.
func stoppedTickers() {
	for {
		ctx, cancel := context.WithTimeout(context.Background(), time.Duration(10+rand.Intn(30))*time.Second)
		go pollStatus(ctx, cancel)
		time.Sleep(200 * time.Millisecond)
	}
}

func pollStatus(ctx context.Context, cancel context.CancelFunc) {
	defer cancel()
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// Requests that fan out to shards with an errgroup and wait for all of them.
func errgroupFanOut() {
	for {
		go queryShards(context.Background(), 20+rand.Intn(40))
		time.Sleep(300 * time.Millisecond)
	}
}

func queryShards(ctx context.Context, shards int) error {
	g, ctx := errgroup.WithContext(ctx)
	for i := 0; i < shards; i++ {
		g.Go(func() error {
			select {
			case <-time.After(time.Duration(rand.Intn(3000)) * time.Millisecond):
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}
	return g.Wait()
}

// Producers that queue behind a slow consumer, up to a bound: the backlog fills in about 30
// seconds, then holds, its producers coming and going.
func boundedBacklog() {
	queue := make(chan int)
	go func() {
		for v := range queue {
			work(v)
			time.Sleep(200 * time.Millisecond)
		}
	}()
	inFlight := make(chan struct{}, 150)
	for {
		select {
		case inFlight <- struct{}{}:
			go enqueue(queue, inFlight)
		default:
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func enqueue(queue chan<- int, inFlight <-chan struct{}) {
	queue <- 10
	<-inFlight
}

// A cache that starts one refresher per key as keys are first asked for, all through the window;
// each refresher wakes every 20 seconds.
func slowFillCache() {
	for {
		ctx := context.Background()
		go refreshKey(ctx, 20*time.Second)
		time.Sleep(time.Duration(1000+rand.Intn(2000)) * time.Millisecond)
	}
}

func refreshKey(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			work(1000)
		}
	}
}
