#!/usr/bin/env bash
# Counts the instructions per value of gocycle's stream benchmarks at
# another commit and in this checkout, with valgrind's callgrind: a figure
# that stays put from run to run, where ns/value (see compare.sh) moves by
# 20% and more between runs of the same code on a shared machine.
#
#   BASE=98086c5 bash internal/bench/instructions.sh   # make bench-instructions
#
# Each benchmark runs natively with GOGC=off (they allocate nothing per
# value) and GODEBUG=asyncpreemptoff=1 (callgrind trips on the signals
# of Go's preemption) for 100000 and for 300000 values, three times each; the least
# count of each size is taken, and their difference divided by 200000 is
# the cost of one value, without the fixed cost of starting the program.
# The runtime's background thread (sysmon) does work that grows with the
# wall time, which other load on the machine stretches: run it on a quiet
# machine, and the counts agree to a few instructions from run to run.
# It writes the stream-instructions section of BENCHMARKS.md (OUT) and
# prints it. Environment: BASE (default HEAD), OUT (default BENCHMARKS.md),
# GO (default go).
set -euo pipefail

cd "$(dirname "$0")/../.."
GO=${GO:-go}
BASE=${BASE:-HEAD}
OUT=${OUT:-BENCHMARKS.md}
command -v valgrind >/dev/null || {
	echo "instructions.sh: valgrind is needed (apt-get install valgrind)" >&2
	exit 1
}
benches=(
	'Map/src=push/impl=gocycle' 'Filter/src=push/impl=gocycle'
	'MapFilterFold/src=push/impl=gocycle' 'MapFilterFold/src=seq/impl=gocycle'
	'Chain10/src=push/impl=gocycle' 'Chain10/src=seq/impl=gocycle'
	'RxstreamTo/src=push/impl=gocycle'
)
base_commit=$(git rev-parse --short "$BASE")
tmp=$(mktemp -d)
trap 'git worktree remove --force "$tmp/base" >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
git worktree add --detach "$tmp/base" "$base_commit" >/dev/null 2>&1
(cd "$tmp/base" && $GO test -c -o "$tmp/before.test" ./internal/bench)
$GO test -c -o "$tmp/after.test" ./internal/bench

# count BIN BENCH N: the least instruction count of three runs.
count() {
	local pattern="^Benchmark${2%%/*}\$/${2#*/}\$"
	for _ in 1 2 3; do
		GOGC=off GODEBUG=asyncpreemptoff=1 valgrind --tool=callgrind --callgrind-out-file=/dev/null "$1" \
			-test.run '^$' -test.bench "$pattern" -test.benchtime "${3}x" -test.cpu 1 2>&1 |
			sed -n 's/.*I *refs: *//p' | tr -d ,
	done | { grep . || true; } | sort -n | head -1
}
per_value() { # per_value BIN BENCH
	local small large
	small=$(count "$1" "$2" 100000)
	large=$(count "$1" "$2" 300000)
	case "$small$large" in
	'' | *[!0-9]*)
		echo "instructions.sh: callgrind gave no count for $2 (\"$small\", \"$large\"): run valgrind --tool=callgrind on $1 by hand to see why" >&2
		exit 1
		;;
	esac
	awk -v s="$small" -v l="$large" 'BEGIN { printf "%.1f", (l - s) / 200000 }'
}

{
echo "<!-- stream-instructions:start -->"
echo "## Streams: instructions per value, before and after"
echo
echo "Written by \`make bench-instructions\` (internal/bench/instructions.sh): the"
echo "instructions that one value costs in gocycle's stream benchmarks, counted by"
echo "valgrind's callgrind, natively, with GOGC=off (the least of three runs of"
echo "100000 and of 300000 values; their difference over 200000), on a quiet"
echo "machine. Unlike ns/value, the count does not move from run to run."
echo
echo "Before: $base_commit; after: $(git rev-parse --short HEAD)$( [ -n "$(git status --porcelain -- cycle/stream)" ] && echo ', with uncommitted changes in cycle/stream'); $($GO version | cut -d' ' -f3), $(valgrind --version)."
echo
echo "| benchmark | before | after | after/before |"
echo "|---|---:|---:|---:|"
for b in "${benches[@]}"; do
	before=$(per_value "$tmp/before.test" "$b")
	after=$(per_value "$tmp/after.test" "$b")
	awk -v n="$b" -v b="$before" -v a="$after" 'BEGIN { printf "| %s | %.1f | %.1f | %.2f |\n", n, b, a, a / b }'
done
echo "<!-- stream-instructions:end -->"
} >"$tmp/section.md"
bash internal/tools/section.sh stream-instructions "$OUT" <"$tmp/section.md"
cat "$tmp/section.md"
