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

# `go tool pprof` as `parkview top`, `traces` and `tags` print: no binary to symbolize with.
pprof_report() { # FILE COMMAND
  case $2 in
  top) PPROF_BINARY_PATH=/nonexistent go tool pprof -top -nodecount=100000 -nodefraction=0 -edgefraction=0 "$1" </dev/null 2>/dev/null ;;
  *) PPROF_BINARY_PATH=/nonexistent go tool pprof "-$2" "$1" </dev/null 2>/dev/null ;;
  esac
}

# Our own fixtures: the full text.
for dir in pprof-parity go127; do
  mkdir -p "$out/$dir"
  for f in "$root/test/fixtures/$dir"/*.pb.gz "$root/test/fixtures/$dir"/*.debug1.txt; do
    [ -e "$f" ] || continue
    for c in top traces tags; do
      pprof_report "$f" $c > "$out/$dir/$(basename "$f").$c.txt" || rm "$out/$dir/$(basename "$f").$c.txt"
    done
  done
done

# Diffs and peeks on the service series, in full: `-top -diff_base` (as `parkview top --diff_base`)
# and `-peek` (the Top view's callers and callees), with and without a base.
svc=$root/../shared/fixtures/service/pprof.service.goroutine
mkdir -p "$out/service"
for pair in 011:012 001:040 040:020; do
  base=${pair%:*} cur=${pair#*:}
  PPROF_BINARY_PATH=/nonexistent go tool pprof -top -nodecount=100000 -nodefraction=0 -edgefraction=0 -diff_base="$svc.$base.pb.gz" "$svc.$cur.pb.gz" </dev/null 2>/dev/null > "$out/service/$cur-base-$base.top.txt"
done
PPROF_BINARY_PATH=/nonexistent go tool pprof -peek '^(main|net/http)\.' "$svc.040.pb.gz" </dev/null 2>/dev/null > "$out/service/040.peek.txt"
PPROF_BINARY_PATH=/nonexistent go tool pprof -peek '^(main|net/http)\.' -diff_base="$svc.005.pb.gz" "$svc.006.pb.gz" </dev/null 2>/dev/null > "$out/service/006-base-005.peek.txt"

# The shared fixtures: digests (some outputs are megabytes). Files pprof cannot read are left out.
shared=$root/../shared/fixtures
(cd "$shared" && find . -type f \( -name '*.pb.gz' -o -name '*.pb' -o -name '*.debug1.txt' -o -name '*.debug1.txt.gz' -o -name 'heap.*.txt' \) -not -path './bad/*' | sed 's|^\./||' | LC_ALL=C sort) > "$tmp/files"
: > "$tmp/manifest"
while read -r f; do
  for c in top traces tags; do
    if pprof_report "$shared/$f" $c > "$tmp/report"; then
      printf '%s\t%s\t%s\t%s\n' "$f" "$c" "$(sha256sum < "$tmp/report" | cut -d' ' -f1)" "$(wc -c < "$tmp/report")" >> "$tmp/manifest"
    fi
  done
done < "$tmp/files"
mv "$tmp/manifest" "$out/shared-fixtures.tsv"
