#!/usr/bin/env bash
# Runs the stream benchmarks of internal/bench natively and compiled to
# wasm under Node, in one run, and writes BENCHMARKS.md at the root of the
# repository: the medians per benchmark (internal/bench/cmd/benchtable),
# the ratios to gocycle, the commands, the date and the machine.
#
#   bash internal/bench/run.sh          # what `make bench` does
#   COUNT=10 bash internal/bench/run.sh # more runs per benchmark
#
# Environment: GO (default go), COUNT (runs per benchmark, default 6),
# BENCHTIME (default 1000000x: every run sends 1,000,000 values through
# its pipeline), BENCH (the -bench pattern, default .), OUT (default
# BENCHMARKS.md).
set -euo pipefail

cd "$(dirname "$0")/../.."
GO=${GO:-go}
COUNT=${COUNT:-6}
BENCHTIME=${BENCHTIME:-1000000x}
BENCH=${BENCH:-.}
OUT=${OUT:-BENCHMARKS.md}
PKG=./internal/bench

command -v node >/dev/null || {
	echo "run.sh: node is needed to run the wasm benchmarks (go_js_wasm_exec); install Node.js" >&2
	exit 1
}
WASM_EXEC="$($GO env GOROOT)/lib/wasm/go_js_wasm_exec"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
start=$(date +%s)
load_start=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)

flags=(-run '^$' -bench "$BENCH" -benchmem -benchtime "$BENCHTIME" -count "$COUNT")
shown_flags="-run '^\$' -bench '$BENCH' -benchmem -benchtime=$BENCHTIME -count=$COUNT"
native_cmd="$GO test $shown_flags $PKG"
wasm_cmd="GOOS=js GOARCH=wasm $GO test -exec=\"\$($GO env GOROOT)/lib/wasm/go_js_wasm_exec\" $shown_flags $PKG"
values=${BENCHTIME%x}

echo "== checking that the gocycle and rxgo pipelines compute the same results"
$GO test -count=1 "$PKG/..."

echo "== native: $native_cmd"
$GO test "${flags[@]}" "$PKG" | tee "$tmp/native.txt"

echo "== wasm: $wasm_cmd"
GOOS=js GOARCH=wasm $GO test -exec="$WASM_EXEC" "${flags[@]}" "$PKG" | tee "$tmp/wasm.txt"

cat "$tmp/native.txt" "$tmp/wasm.txt" | $GO run ./internal/bench/cmd/benchtable >"$tmp/table.md"
elapsed=$(($(date +%s) - start))
load_end=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)

cpu=$(grep -m1 '^model name' /proc/cpuinfo 2>/dev/null | sed 's/^model name[[:space:]]*:[[:space:]]*//' || true)
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git status --porcelain -- cycle/stream internal/bench go.mod 2>/dev/null)" ]; then
	commit="$commit, with uncommitted changes in cycle/stream, internal/bench or go.mod"
fi
rxgo=$($GO list -m -f '{{.Version}}' github.com/reactivex/rxgo/v2)

{
	cat <<EOF
<!-- streams:start -->
## Streams: gocycle against rxgo

gocycle's streams (\`cycle/stream\`) against [rxgo](https://github.com/ReactiveX/RxGo)
$rxgo, natively and compiled to WebAssembly, from one run of \`make bench\`
(\`internal/bench/run.sh\`). Do not edit by hand: run \`make bench\` again.

- Date: $(date -u '+%Y-%m-%d %H:%M UTC')
- Commit: $commit
- Go: $($GO version)
- Node: $(node --version)
- CPU: ${cpu:-unknown}, $(nproc) logical CPUs (\`nproc\`)
- OS: $(uname -sr)
- Time taken by the run: ${elapsed}s
- Load average (1, 5, 15 min) before and after the run: $load_start; $load_end
  (other work on the machine adds noise, rxgo's goroutines most)

Commands (each run of a benchmark sends $values values through its
pipeline; $COUNT runs of each benchmark):

\`\`\`sh
$native_cmd
$wasm_cmd
\`\`\`

### Results

Medians of the $COUNT runs. *ns/value* and *allocs/value* are per value
sent through the pipeline (an allocs/value of 0 is exactly none; 0.00 is
less than 0.005: the few allocations of starting a run, spread over its
values). *÷ gocycle* is the implementation's ns/value divided by
gocycle's for the same pipeline, source and platform: how many times
slower it is.

EOF
	cat "$tmp/table.md"
	cat <<'EOF'

### What is measured

Pipelines (the same functions in every implementation, on the ints 0 to
N-1; `internal/bench/pipelines_test.go`):

- **MapFilterFold**: `Map(v*3)` → `Filter(even)` → `Fold(+, 0)`; rxgo
  ends with `Reduce`, which emits only the final sum where `Fold` emits
  every running sum.
- **Chain10**: five `Map(v+k)` → `Filter(v%p != 0)` pairs (ten operators)
  and a listener that sums; the filters drop few values, so nearly every
  value crosses all ten operators.
- **Map**, **Filter**: one operator and a summing listener, to show the
  cost of one operator and that gocycle does not allocate per value on
  ints.

Sources:

- **push**: the benchmark loop sends each value in, as a driver does:
  `Subject.Next` for gocycle (one transaction per value), a channel read
  by `rxgo.FromChannel` for rxgo.
- **seq**: a source that emits all values by itself once subscribed:
  `stream.FromSlice` over a prepared slice for gocycle, `rxgo.Range` for
  rxgo (`rxgo.Just(slice)` reflects on every item and was 5-15% slower).

Implementations:

- **gocycle**: `cycle/stream`; every operator is a synchronous call.
- **rxgo**: rxgo as its README writes pipelines, with default options:
  every operator is a goroutine reading an unbuffered channel, and every
  value is an `interface{}` in an `rxgo.Item`. This is the implementation
  the 20× target is about.
- **rxgo-buffered**: the same pipelines with every channel buffered
  (`rxgo.WithBufferedChannel(1024)` on every operator and on `Range`, a
  1024-item channel feeding `FromChannel`). Buffering lets each goroutine
  work through a batch before handing over, which makes rxgo several times
  faster; it is shown so that the ratio to default rxgo is not read as the
  distance to the best rxgo can do. `rxgo.WithObservationStrategy(rxgo.Eager)`
  was also tried and made no difference.

Method: every iteration of `b.N` is one value, and `-benchtime=Nx` (see
the commands) fixes `b.N`, so each run sends N values through one pipeline
and ns/op is ns/value. Building the pipeline is not timed, unless building
it starts it (the seq sources: a few microseconds per run); running it to
completion (for rxgo, until the last value has come out of the last
goroutine) is. Every run checks its result against a plain loop,
and `TestSameResults` checks the implementations against each other on
small inputs. allocs/value is the change in `runtime.MemStats.Mallocs`
over the run divided by the number of values (all goroutines included),
where `-benchmem`'s allocs/op rounds down to an integer. Under wasm,
rxgo's goroutines share the one thread that Go has in a browser or Node.
EOF
	echo
	echo "<details><summary>Raw output</summary>"
	echo
	echo '```'
	cat "$tmp/native.txt" "$tmp/wasm.txt"
	echo '```'
	echo
	echo "</details>"
	echo "<!-- streams:end -->"
} >"$tmp/section.md"

# Replace this script's section of $OUT and leave the others as they are.
bash internal/tools/section.sh streams "$OUT" <"$tmp/section.md"

echo
cat "$tmp/table.md"
echo "wrote $OUT in ${elapsed}s"
