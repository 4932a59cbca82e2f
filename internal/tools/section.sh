#!/usr/bin/env bash
# section.sh NAME FILE: replaces the section NAME of the Markdown file FILE
# (the lines from "<!-- NAME:start -->" to "<!-- NAME:end -->") with the
# section read from standard input, which carries the same two marker
# lines; FILE's other sections stay as they are. A FILE without the
# section gets it appended; a missing FILE is created with a title. Every
# script that writes BENCHMARKS.md (make bench, make size) goes through it.
set -euo pipefail
name=$1
out=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/section.md"
grep -qx "<!-- $name:start -->" "$tmp/section.md" && grep -qx "<!-- $name:end -->" "$tmp/section.md" || {
	echo "section.sh: the section on standard input lacks <!-- $name:start --> or <!-- $name:end -->" >&2
	exit 2
}
if [ ! -f "$out" ]; then
	printf '# Benchmarks\n\nWritten by `make bench` and `make size`; do not edit by hand.\n' >"$out"
fi
if grep -qx "<!-- $name:start -->" "$out"; then
	awk -v f="$tmp/section.md" -v s="<!-- $name:start -->" -v e="<!-- $name:end -->" '
		$0 == s { while ((getline l < f) > 0) print l; skip = 1; next }
		$0 == e { skip = 0; next }
		!skip { print }' "$out" >"$tmp/out.md"
else
	{ cat "$out"; echo; cat "$tmp/section.md"; } >"$tmp/out.md"
fi
cat "$tmp/out.md" >"$out"
