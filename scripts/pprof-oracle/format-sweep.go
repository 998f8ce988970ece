// Prints pprof's own formatting of many values, for test/core/format-sweep.test.ts. It is built
// inside a copy of the pprof tree vendored by Go 1.23 (see regenerate.sh), so it calls pprof's
// measurement package itself: one line per case, tab-separated, the inputs then pprof's text.
package main

import (
	"fmt"
	"math/rand"

	"github.com/google/pprof/internal/measurement"
)

func main() {
	r := rand.New(rand.NewSource(15))
	// Totals where exact ties and sub-1% ratios are common, then arbitrary ones.
	totals := []int64{1, 3, 7, 8, 16, 40, 64, 200, 400, 1000, 4000, 8000, 9999, 12800, 100000, 1000003, 1 << 20, 1 << 40, 4611686018427387904}
	for i := 0; i < 40; i++ {
		totals = append(totals, 1+r.Int63n(int64(1)<<uint(8+r.Intn(40))))
	}
	for _, total := range totals {
		values := []int64{0, 1, 2, total / 8, total / 3, total / 2, total - 1, total, -total / 4, total / 1000, total / 10000, total / 100000}
		for i := 0; i < 30; i++ {
			values = append(values, r.Int63n(total+1))
		}
		for i := 0; i < 20; i++ {
			values = append(values, r.Int63n(total/100+1))
		}
		for _, v := range values {
			fmt.Printf("percentage\t%d\t%d\t%s\n", v, total, measurement.Percentage(v, total))
		}
	}
	units := [][2]string{{"nanoseconds", "auto"}, {"nanoseconds", "minimum"}, {"nanoseconds", "ms"}, {"bytes", "minimum"}, {"bytes", "MB"}, {"count", "minimum"}, {"microseconds", "auto"}, {"kilobytes", "minimum"}, {"milligcu", "auto"}, {"", "minimum"}}
	for _, u := range units {
		values := []int64{0, 1, 999, 1000, 1023, 1024, 1536, 19605, 19615, 207465000, 1100000000, 3600000000000, -1500, 1 << 62}
		for i := 0; i < 120; i++ {
			values = append(values, r.Int63n(int64(1)<<uint(1+r.Intn(50))))
		}
		for _, v := range values {
			fmt.Printf("scaled\t%d\t%s\t%s\t%s\n", v, u[0], u[1], measurement.ScaledLabel(v, u[0], u[1]))
			f, unit := measurement.Scale(v, u[0], u[1])
			fmt.Printf("tenths\t%d\t%s\t%s\t%.1f%s\n", v, u[0], u[1], f, unit)
		}
	}
}
