package main

import (
	"context"
	"errors"
	"sync"
	"time"
)

// Each trigger runs the buggy path once: a request that leaves one goroutine (or a deadlocked
// pair) behind for good.

// A result sender whose caller gave up after a timeout: nobody receives.
func requestWithTimeout() {
	result := make(chan int)
	go computeResult(result)
	select {
	case v := <-result:
		_ = v
	case <-time.After(5 * time.Millisecond):
	}
}

func computeResult(result chan<- int) {
	time.Sleep(20 * time.Millisecond)
	result <- 42
}

var errInvalid = errors.New("invalid request")

// A waiter whose producer returned early on an error: nobody sends.
func requestWithEarlyReturn() error {
	done := make(chan error)
	go awaitUpload(done)
	if err := validate(); err != nil {
		return err
	}
	done <- nil
	return nil
}

func validate() error { return errInvalid }

func awaitUpload(done <-chan error) {
	if err := <-done; err != nil {
		_ = err
	}
}

// A collector ranging over a channel its producer never closes.
func startBatch() {
	items := make(chan int)
	go collectItems(items)
	for i := 0; i < 3; i++ {
		items <- i
	}
}

func collectItems(items <-chan int) {
	sum := 0
	for v := range items {
		sum += v
	}
	_ = sum
}

// A watcher whose context is never cancelled, waiting for updates that never come.
func subscribe() {
	ctx, cancel := context.WithCancel(context.Background())
	_ = cancel
	updates := make(chan string)
	go watchUpdates(ctx, updates)
}

func watchUpdates(ctx context.Context, updates <-chan string) {
	for {
		select {
		case <-ctx.Done():
			return
		case u := <-updates:
			_ = u
		}
	}
}

type account struct {
	mu      sync.Mutex
	balance int
}

// A method that locks a mutex its caller already holds.
func adjustTwice() {
	a := &account{}
	go a.adjust(1)
}

func (a *account) adjust(d int) {
	a.mu.Lock()
	a.balance += d
	a.audit()
	a.mu.Unlock()
}

func (a *account) audit() {
	a.mu.Lock()
	defer a.mu.Unlock()
}

// Two transfers locking the same pair of accounts in opposite orders.
func transferBothWays() {
	a, b := &account{}, &account{}
	go transfer(a, b)
	go transfer(b, a)
}

func transfer(from, to *account) {
	from.mu.Lock()
	time.Sleep(10 * time.Millisecond)
	to.mu.Lock()
	from.balance--
	to.balance++
	to.mu.Unlock()
	from.mu.Unlock()
}

type registry struct {
	mu    sync.RWMutex
	names map[string]int
}

// A reader taking RLock twice while a writer queues between the two: reader, writer, reader.
func readWhileWriting() {
	r := &registry{names: map[string]int{}}
	go r.lookupAll()
	go func() {
		time.Sleep(5 * time.Millisecond)
		r.register("x")
	}()
}

func (r *registry) lookupAll() {
	r.mu.RLock()
	defer r.mu.RUnlock()
	time.Sleep(20 * time.Millisecond)
	_ = r.count()
}

func (r *registry) count() int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return len(r.names)
}

func (r *registry) register(name string) {
	r.mu.Lock()
	r.names[name]++
	r.mu.Unlock()
}

// A fan-out that adds one more to its WaitGroup than it starts.
func fanOutMismatch() {
	var wg sync.WaitGroup
	parts := 3
	wg.Add(parts)
	for i := 0; i < parts-1; i++ {
		go func() {
			defer wg.Done()
		}()
	}
	go awaitParts(&wg)
}

func awaitParts(wg *sync.WaitGroup) {
	wg.Wait()
}

// A waiter on a condition nobody signals.
func waitForReady() {
	c := sync.NewCond(&sync.Mutex{})
	go awaitReady(c, new(bool))
}

func awaitReady(c *sync.Cond, ready *bool) {
	c.L.Lock()
	for !*ready {
		c.Wait()
	}
	c.L.Unlock()
}

type pipeline struct {
	out chan int
}

// A stage reading from a channel that was never made.
func startStage() {
	p := &pipeline{}
	go p.drain()
}

func (p *pipeline) drain() {
	for v := range p.out {
		_ = v
	}
}

// A forwarding loop whose select has no case to leave by.
func startForwarder() {
	in := make(chan int)
	flush := make(chan struct{})
	go forward(in, flush)
}

func forward(in <-chan int, flush <-chan struct{}) {
	buf := 0
	for {
		select {
		case v := <-in:
			buf += v
		case <-flush:
			buf = 0
		}
	}
}
