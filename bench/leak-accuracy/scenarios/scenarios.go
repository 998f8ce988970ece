package main

import "sort"

// scenario is either a leak family (trigger runs the buggy path once) or a benign look-alike (run
// drives it for the whole process).
type scenario struct {
	trigger func()
	run     func()
	// leak names the functions whose goroutines leak.
	leak []string
}

func ignoreErr(f func() error) func() { return func() { _ = f() } }

var scenarios = map[string]scenario{
	"chan-send-timeout":  {trigger: requestWithTimeout, leak: []string{"main.computeResult"}},
	"chan-recv-early":    {trigger: ignoreErr(requestWithEarlyReturn), leak: []string{"main.awaitUpload"}},
	"range-never-closed": {trigger: startBatch, leak: []string{"main.collectItems"}},
	"context-no-cancel":  {trigger: subscribe, leak: []string{"main.watchUpdates"}},
	"double-lock":        {trigger: adjustTwice, leak: []string{"main.(*account).audit"}},
	"ab-ba":              {trigger: transferBothWays, leak: []string{"main.transfer"}},
	"rwr-deadlock":       {trigger: readWhileWriting, leak: []string{"main.(*registry).count", "main.(*registry).register"}},
	"waitgroup-mismatch": {trigger: fanOutMismatch, leak: []string{"main.awaitParts"}},
	"cond-no-signal":     {trigger: waitForReady, leak: []string{"main.awaitReady"}},
	"nil-chan":           {trigger: startStage, leak: []string{"main.(*pipeline).drain"}},
	"select-no-exit":     {trigger: startForwarder, leak: []string{"main.forward"}},
	"plateau-pool":       {run: plateauPool},
	"request-bursts":     {run: requestStorms},
	"churning-conns":     {run: churningConnections},
	"stopped-tickers":    {run: stoppedTickers},
	"errgroup-fanout":    {run: errgroupFanOut},
	"bounded-backlog":    {run: boundedBacklog},
	"slow-fill-cache":    {run: slowFillCache},
}

func scenarioNames() []string {
	var out []string
	for n := range scenarios {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}
