package main

import (
	"math/rand"
	"runtime"
	"time"
)

// startBackground runs what a healthy service has running beside any leak: a large worker pool
// that keeps taking jobs, short requests arriving all the time, and, when bursty, bursts of
// thousands of requests waiting on a backend for a few seconds.
func startBackground(bursty bool) {
	jobs := make(chan int)
	for i := 0; i < 2000; i++ {
		go poolWorker(jobs)
	}
	go dispatch(jobs)
	go acceptRequests()
	if bursty {
		go requestBursts()
	}
	// A live service allocates, so collections run often; they also date the waits in debug=2 dumps.
	go func() {
		for range time.Tick(15 * time.Second) {
			runtime.GC()
		}
	}()
}

func poolWorker(jobs <-chan int) {
	for j := range jobs {
		work(j)
	}
}

func work(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += i
	}
	return s
}

func dispatch(jobs chan<- int) {
	for {
		jobs <- 100
		time.Sleep(5 * time.Millisecond)
	}
}

func acceptRequests() {
	for {
		go serveRequest(time.Duration(rand.Intn(3000)) * time.Millisecond)
		time.Sleep(100 * time.Millisecond)
	}
}

func serveRequest(d time.Duration) {
	reply := make(chan int, 1)
	go queryBackend(d, reply)
	<-reply
}

func queryBackend(d time.Duration, reply chan<- int) {
	time.Sleep(d)
	reply <- 1
}

func requestBursts() {
	for {
		time.Sleep(time.Duration(5000+rand.Intn(15000)) * time.Millisecond)
		n := 1000 + rand.Intn(2000)
		for i := 0; i < n; i++ {
			go serveBurstRequest(time.Duration(1000+rand.Intn(7000)) * time.Millisecond)
		}
	}
}

func serveBurstRequest(d time.Duration) {
	reply := make(chan int)
	go func() {
		time.Sleep(d)
		reply <- 1
	}()
	<-reply
}
