#!/usr/bin/env bash
# Runs the rxstream crossing benchmarks of internal/bench (rxstream_test.go)
# natively and compiled to wasm under Node, and writes the rxstream section
# of BENCHMARKS.md (between <!-- rxstream:start --> and <!-- rxstream:end -->;
# the rest of the file is left alone). `make bench` runs it.
#
# Environment: GO (default go), COUNT (runs per benchmark, default 6),
# BENCHTIME (default 1000000x), OUT (default BENCHMARKS.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
GO=${GO:-go}
COUNT=${COUNT:-6}
BENCHTIME=${BENCHTIME:-1000000x}
OUT=${OUT:-BENCHMARKS.md}
PKG=./internal/bench
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
flags=(-run '^$' -bench '^BenchmarkRxstream' -benchmem -benchtime "$BENCHTIME" -count "$COUNT")
shown="-run '^\$' -bench '^BenchmarkRxstream' -benchmem -benchtime=$BENCHTIME -count=$COUNT"
echo "== native"
$GO test "${flags[@]}" "$PKG" | tee "$tmp/native.txt"
echo "== wasm"
GOOS=js GOARCH=wasm $GO test -exec="$($GO env GOROOT)/lib/wasm/go_js_wasm_exec" "${flags[@]}" "$PKG" | tee "$tmp/wasm.txt"
cat "$tmp/native.txt" "$tmp/wasm.txt" | $GO run ./internal/bench/cmd/benchtable -target 0 -zero-alloc '' >"$tmp/table.md"
# The crossing's own cost: rxstream's ns/value less its baseline's, per
# pipeline and platform (medians, from the table).
crossing=$(awk -F'|' '
	/^\| Rxstream/ {
		gsub(/ /, "", $2); gsub(/^ +| +$/, "", $4); gsub(/ /, "", $5); gsub(/ /, "", $6)
		ns[$2 "|" $4 "|" $5] = $6; keys[$2 "|" $4] = 1
	}
	END {
		for (k in keys) {
			split(k, p, "|")
			base = (p[1] == "RxstreamFrom") ? "rxgo" : "gocycle"
			dir = (p[1] == "RxstreamFrom") ? "rxgo → gocycle (FromObservable)" : "gocycle → rxgo (ToObservable)"
			printf "- %s, %s: **%.0f ns/value** more than %s alone (%s against %s ns/value)\n", dir, p[2], ns[k "|rxstream"] - ns[k "|" base], base, ns[k "|rxstream"], ns[k "|" base]
		}
	}' "$tmp/table.md" | sort)
{
	cat <<MD
<!-- rxstream:start -->
## Crossing between rxgo and gocycle (cycle/stream/rxstream)

What a value costs to cross between an rxgo observable and a gocycle
stream with \`cycle/stream/rxstream\`, beside the same values without
the crossing, from \`internal/bench/rxstream.sh\` (run by \`make bench\`;
do not edit by hand). $(date -u '+%Y-%m-%d %H:%M UTC'), $($GO version | cut -d' ' -f3), Node $(node --version), $(nproc) CPUs.

\`\`\`sh
$GO test $shown $PKG
GOOS=js GOARCH=wasm $GO test -exec="\$($GO env GOROOT)/lib/wasm/go_js_wasm_exec" $shown $PKG
\`\`\`

- **RxstreamFrom** (rxgo → gocycle): a channel read by \`rxgo.FromChannel\`,
  observed directly (*rxgo*), or through \`FromObservable\` by a listener on
  a \`cycle.Loop\` (*rxstream*): each value is also posted to the loop.
- **RxstreamTo** (gocycle → rxgo): values pushed into a \`Subject\` in one
  task of a \`cycle.Loop\`, to a listener (*gocycle*), or to an rxgo
  observer of \`ToObservable\` reading its channel (*rxstream*): each value
  is also queued for rxgo's goroutine and sent on its channel.

$(cat "$tmp/table.md")

$crossing
<!-- rxstream:end -->
MD
} >"$tmp/section.md"
bash internal/tools/section.sh rxstream "$OUT" <"$tmp/section.md"
cat "$tmp/section.md"
echo "updated the rxstream section of $OUT"
