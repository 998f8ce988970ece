#!/bin/sh
# Regenerates the pprof oracle files under test/fixtures/pprof-oracle/ with the pprof of Go 1.23
# (the Go command downloads that toolchain from the module proxy):
#   format-sweep.txt  pprof's measurement.Percentage / ScaledLabel / %.1f on many value pairs
#   manifest.txt      sha256 and size of `go tool pprof -top|-traces|-tags` on every profile of
#                     ../shared/fixtures that pprof reads, and the full text for our own fixtures
# Usage: scripts/pprof-oracle/regenerate.sh   (from the project root)
set -eu
export GOTOOLCHAIN=go1.23.12 GOFLAGS=-mod=mod
root=$(pwd)
out=$root/test/fixtures/pprof-oracle
goroot=$(go env GOROOT)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# pprof's own measurement package, run from inside a copy of the vendored pprof tree.
cp -r "$goroot/src/cmd/vendor/github.com/google/pprof" "$tmp/pprof"
chmod -R u+w "$tmp/pprof"
printf 'module github.com/google/pprof\n\ngo 1.23\n' > "$tmp/pprof/go.mod"
mkdir -p "$tmp/pprof/cmd/sweep"
cp "$root/scripts/pprof-oracle/format-sweep.go" "$tmp/pprof/cmd/sweep/main.go"
(cd "$tmp/pprof" && go run ./cmd/sweep) > "$out/format-sweep.txt"
