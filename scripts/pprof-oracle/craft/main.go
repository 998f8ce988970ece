// Writes the crafted profiles under test/fixtures/pprof-parity/ with pprof's own profile package
// (the version Go 1.23 vendors), for what no capture from a running program shows reliably:
//
//	merged-negative.pb.gz  samples of one stack and labels kept apart (+5, -3, 0), a negative
//	                       total, a 207.47ms duration, a numeric label with a unit
//	unsymbolized.pb.gz     a CPU profile whose binary was never symbolized: addresses only, in
//	                       the main binary's mapping, in [vdso], and in no mapping
//	inline-both-ways.pb.gz one caller reaching a function both inlined and through a real call,
//	                       another caller only inlined
//
// and, in the second folder:
//
//	control-names.pb.gz    terminal escape sequences in a function name, a file name and a label,
//	                       which pprof prints raw and Parkview escapes
//	otlp-profiles.pb.gz    an OpenTelemetry (OTLP) ProfilesData message, profiles v1development
//	                       layout, which pprof does not read ("unrecognized profile format")
//
// Usage (from this folder): go run . ../../../test/fixtures/pprof-parity ../../../test/fixtures/foreign
package main

import (
	"compress/gzip"
	"os"
	"path/filepath"

	"github.com/google/pprof/profile"
)

func write(dir, name string, p *profile.Profile) {
	if err := p.CheckValid(); err != nil {
		panic(err)
	}
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		panic(err)
	}
	defer f.Close()
	if err := p.Write(f); err != nil {
		panic(err)
	}
}

type builder struct {
	p     *profile.Profile
	funcs map[string]*profile.Function
}

func newBuilder(p *profile.Profile) *builder {
	return &builder{p: p, funcs: map[string]*profile.Function{}}
}

func (b *builder) fn(name string) *profile.Function {
	if f := b.funcs[name]; f != nil {
		return f
	}
	f := &profile.Function{ID: uint64(len(b.p.Function) + 1), Name: name, SystemName: name, Filename: "/src/app/" + name + ".go"}
	b.p.Function = append(b.p.Function, f)
	b.funcs[name] = f
	return f
}

// loc is a location of the given functions, innermost (inlined) first.
func (b *builder) loc(m *profile.Mapping, addr uint64, names ...string) *profile.Location {
	l := &profile.Location{ID: uint64(len(b.p.Location) + 1), Mapping: m, Address: addr}
	for i, n := range names {
		l.Line = append(l.Line, profile.Line{Function: b.fn(n), Line: int64(10 + i)})
	}
	b.p.Location = append(b.p.Location, l)
	return l
}

func goroutineProfile() *profile.Profile {
	return &profile.Profile{
		SampleType: []*profile.ValueType{{Type: "goroutine", Unit: "count"}},
		PeriodType: &profile.ValueType{Type: "goroutine", Unit: "count"},
		Period:     1,
	}
}

// timedProfile is a profile captured on Nov 24, 2025 over durationNanos.
func timedProfile(periodType *profile.ValueType, period, durationNanos int64, types ...*profile.ValueType) *profile.Profile {
	return &profile.Profile{SampleType: types, PeriodType: periodType, Period: period, TimeNanos: 1764000000000000000, DurationNanos: durationNanos}
}

func main() {
	dir := os.Args[1]
	if err := os.MkdirAll(dir, 0o755); err != nil {
		panic(err)
	}

	contentions := &profile.ValueType{Type: "contentions", Unit: "count"}
	m := timedProfile(contentions, 1, 207465000, contentions, &profile.ValueType{Type: "delay", Unit: "nanoseconds"})
	b := newBuilder(m)
	gopark, lock, serve, main := b.loc(nil, 0, "runtime.gopark"), b.loc(nil, 0, "sync.(*Mutex).Lock"), b.loc(nil, 0, "main.serve"), b.loc(nil, 0, "main.main")
	stack := []*profile.Location{gopark, lock, serve, main}
	short := []*profile.Location{lock, main}
	tenant := map[string][]string{"tenant": {"acme"}}
	m.Sample = []*profile.Sample{
		{Location: stack, Value: []int64{5, 19605}, Label: tenant},
		{Location: short, Value: []int64{2, 1000}},
		{Location: stack, Value: []int64{-3, -7000}, Label: tenant},
		{Location: stack, Value: []int64{0, 0}, Label: tenant},
		{Location: stack, Value: []int64{1, 125}, Label: tenant, NumLabel: map[string][]int64{"bytes": {4096}}, NumUnit: map[string][]string{"bytes": {"bytes"}}},
		{Location: short, Value: []int64{2, 1000}},
	}
	write(dir, "merged-negative.pb.gz", m)

	cpu := &profile.ValueType{Type: "cpu", Unit: "nanoseconds"}
	u := timedProfile(cpu, 10000000, 1100000000, &profile.ValueType{Type: "samples", Unit: "count"}, cpu)
	bin := &profile.Mapping{ID: 1, Start: 0x400000, Limit: 0x800000, File: "/usr/local/bin/demo-server", BuildID: "f00dfeed"}
	vdso := &profile.Mapping{ID: 2, Start: 0x7ffd000, Limit: 0x7ffe000, File: "[vdso]"}
	u.Mapping = []*profile.Mapping{bin, vdso}
	ub := newBuilder(u)
	a1, a2, a3 := ub.loc(bin, 0x401000), ub.loc(bin, 0x402000), ub.loc(bin, 0x403000)
	v := ub.loc(vdso, 0x7ffd100)
	none := ub.loc(nil, 0x9990000)
	u.Sample = []*profile.Sample{
		{Location: []*profile.Location{a1, a2, a3}, Value: []int64{3, 30000000}},
		{Location: []*profile.Location{v, a2, a3}, Value: []int64{2, 20000000}},
		{Location: []*profile.Location{none, a3}, Value: []int64{1, 10000000}},
	}
	write(dir, "unsymbolized.pb.gz", u)

	i := goroutineProfile()
	ib := newBuilder(i)
	park := ib.loc(nil, 0, "runtime.gopark")
	// main.run calls main.step inlined at one call site and through a real call at another;
	// main.other only inlines it.
	runInlined := ib.loc(nil, 0, "main.step", "main.run")
	step, run := ib.loc(nil, 0, "main.step"), ib.loc(nil, 0, "main.run")
	otherInlined := ib.loc(nil, 0, "main.step", "main.other")
	root := ib.loc(nil, 0, "main.main")
	i.Sample = []*profile.Sample{
		{Location: []*profile.Location{park, runInlined, root}, Value: []int64{4}},
		{Location: []*profile.Location{park, step, run, root}, Value: []int64{3}},
		{Location: []*profile.Location{park, otherInlined, root}, Value: []int64{0}},
	}
	write(dir, "inline-both-ways.pb.gz", i)

	c := goroutineProfile()
	cb := newBuilder(c)
	evil := cb.loc(nil, 0, "main.\x1b]0;owned\x07handler\x1b[2J")
	evil.Line[0].Function.Filename = "/src/\x1b[31mred.go"
	c.Sample = []*profile.Sample{{Location: []*profile.Location{cb.loc(nil, 0, "runtime.gopark"), evil}, Value: []int64{2}, Label: map[string][]string{"tenant": {"\u009b6nacme"}}}}
	if err := os.MkdirAll(os.Args[2], 0o755); err != nil {
		panic(err)
	}
	write(os.Args[2], "control-names.pb.gz", c)
	writeOTLP(filepath.Join(os.Args[2], "otlp-profiles.pb.gz"))
}

// OTLP protobuf encoding, by field number, of opentelemetry.proto.profiles.v1development.
func field(n int, wire byte, payload []byte) []byte {
	return append(varint(uint64(n)<<3|uint64(wire)), payload...)
}
func varint(v uint64) []byte {
	var b []byte
	for v >= 0x80 {
		b = append(b, byte(v)|0x80)
		v >>= 7
	}
	return append(b, byte(v))
}
func msg(n int, parts ...[]byte) []byte {
	var body []byte
	for _, p := range parts {
		body = append(body, p...)
	}
	return field(n, 2, append(varint(uint64(len(body))), body...))
}
func num(n int, v uint64) []byte { return field(n, 0, varint(v)) }
func str(n int, s string) []byte { return field(n, 2, append(varint(uint64(len(s))), s...)) }

func writeOTLP(path string) {
	// ProfilesDictionary: string_table = 5, function_table = 3, location_table = 2.
	dictionary := msg(2,
		str(5, ""), str(5, "samples"), str(5, "count"), str(5, "main.main"), str(5, "main.go"),
		msg(3), msg(3, num(1, 3), num(3, 4)),
		msg(2), msg(2, msg(3, num(1, 1), num(2, 12))),
	)
	// Profile: sample_type = 1 (type_strindex 1, unit_strindex 2), sample = 2, time_nanos = 4.
	profile := msg(2,
		msg(1, num(1, 1), num(2, 2)),
		msg(2, num(1, 0), num(2, 1), field(3, 2, []byte{1, 7})),
		num(4, 1764000000000000000),
	)
	// ProfilesData: resource_profiles = 1 { scope_profiles = 2 { profiles = 2 } }, dictionary = 2.
	data := append(msg(1, msg(2, profile)), dictionary...)
	f, err := os.Create(path)
	if err != nil {
		panic(err)
	}
	defer f.Close()
	z := gzip.NewWriter(f)
	if _, err := z.Write(data); err != nil {
		panic(err)
	}
	if err := z.Close(); err != nil {
		panic(err)
	}
}
