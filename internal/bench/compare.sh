#!/usr/bin/env bash
# Compares gocycle's stream benchmarks in this checkout with those of
# another commit, in one run: the two are built side by side (the other
# commit in a temporary git worktree) and their runs alternate, so that
# the machine's load falls on both alike. It prints the median ns/value
# of each, the ratio, and the allocations per value of this checkout.
#
#   BASE=main~3 bash internal/bench/compare.sh   # what `make bench-compare` runs
#
# It writes the stream-compare section of BENCHMARKS.md (OUT) and prints
# it. Environment: BASE (the commit to compare with, default HEAD), ROUNDS
# (runs of each side, default 6), BENCHTIME (default 1000000x), BENCH
# (the -bench pattern, default gocycle's benchmarks), TARGETS (native,
# wasm or both, default both; wasm runs under Node, as make bench does),
# OUT (default BENCHMARKS.md), GO (default go).
set -euo pipefail

cd "$(dirname "$0")/../.."
GO=${GO:-go}
BASE=${BASE:-HEAD}
ROUNDS=${ROUNDS:-6}
BENCHTIME=${BENCHTIME:-1000000x}
BENCH=${BENCH:-'/src=/impl=gocycle$'}
OUT=${OUT:-BENCHMARKS.md}
TARGETS=${TARGETS:-native wasm}
WASM_EXEC="$($GO env GOROOT)/lib/wasm/go_js_wasm_exec"

base_commit=$(git rev-parse --short "$BASE")
tmp=$(mktemp -d)
trap 'git worktree remove --force "$tmp/base" >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
git worktree add --detach "$tmp/base" "$base_commit" >/dev/null 2>&1

flags=(-run '^$' -bench "$BENCH" -benchmem -benchtime "$BENCHTIME" -count 1 ./internal/bench)
echo "== $ROUNDS rounds, alternating: $base_commit (before) and this checkout (after)" >&2
run() { # run SIDE DIR TARGET
	case $3 in
	native) (cd "$2" && $GO test "${flags[@]}") >"$tmp/one.txt" || { cat "$tmp/one.txt" >&2; exit 1; } ;;
	wasm) (cd "$2" && GOOS=js GOARCH=wasm $GO test -exec="$WASM_EXEC" "${flags[@]}") >"$tmp/one.txt" || { cat "$tmp/one.txt" >&2; exit 1; } ;;
	*) echo "compare.sh: unknown target $3 in TARGETS (native, wasm)" >&2; exit 1 ;;
	esac
	grep '^Benchmark' "$tmp/one.txt" | sed "s/^/$1 $3 /" >>"$tmp/runs.txt" || {
		echo "compare.sh: no benchmark matches -bench '$BENCH'" >&2
		exit 1
	}
}
for i in $(seq 1 "$ROUNDS"); do
	for target in $TARGETS; do
		run before "$tmp/base" "$target"
		run after . "$target"
	done
	echo "round $i of $ROUNDS" >&2
done

{
echo "<!-- stream-compare:start -->"
echo "## Streams: before and after a change of cycle/stream"
echo
echo "Written by \`make bench-compare\` (internal/bench/compare.sh): gocycle's stream"
echo "benchmarks of internal/bench, natively and as wasm under Node, at two commits built side by side,"
echo "their runs alternating so that the load of the machine falls on both alike."
echo "Medians; *after/before* above 1 is slower. On a shared machine the fastest"
echo "run of each side is the steadier figure, and is given too."
echo
echo "Before: $base_commit; after: $(git rev-parse --short HEAD)$( [ -n "$(git status --porcelain -- cycle/stream)" ] && echo ', with uncommitted changes in cycle/stream'); $ROUNDS alternating runs each, -benchtime=$BENCHTIME; $(grep -m1 '^model name' /proc/cpuinfo 2>/dev/null | sed 's/^model name[[:space:]]*:[[:space:]]*//'), $(nproc) cores, $($GO version | cut -d' ' -f3)."
echo
echo "| benchmark | before ns/value | after ns/value | after/before | fastest runs, after/before | after allocs/value |"
echo "|---|---:|---:|---:|---:|---:|"
awk '
function least(list,   n, a, i, m) {
	n = split(list, a, " ")
	m = a[1]
	for (i = 2; i <= n; i++) if (a[i] + 0 < m + 0) m = a[i]
	return m
}
function median(list,   n, a, i, j, t) {
	n = split(list, a, " ")
	for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j-1] + 0 > a[j] + 0; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
	return n % 2 ? a[(n+1)/2] : (a[n/2] + a[n/2+1]) / 2
}
{
	side = $1; name = $3; sub(/^Benchmark/, "", name); sub(/-[0-9]+$/, "", name); name = name " (" $2 ")"
	for (i = 4; i < NF; i++) {
		if ($(i+1) == "ns/value") ns[side, name] = ns[side, name] " " $i
		if ($(i+1) == "allocs/value" && side == "after" && $i + 0 > allocs[name] + 0) allocs[name] = $i
	}
	if (!(name in seen)) { seen[name] = 1; order[++n] = name }
}
END {
	for (k = 1; k <= n; k++) {
		name = order[k]; b = median(ns["before", name]); a = median(ns["after", name])
		printf "| %s | %.1f | %.1f | %.2f | %.2f | %s |\n", name, b, a, a / b, least(ns["after", name]) / least(ns["before", name]), allocs[name] + 0
	}
}' "$tmp/runs.txt"
echo "<!-- stream-compare:end -->"
} >"$tmp/section.md"
bash internal/tools/section.sh stream-compare "$OUT" <"$tmp/section.md"
cat "$tmp/section.md"
