#!/usr/bin/env bash
# Measures what package units adds to a wasm binary and writes the
# units-size section of BENCHMARKS.md (between <!-- units-size:start -->
# and <!-- units-size:end -->; the rest of the file is left alone).
# Run from the repository root: bash units/internal/sizereport/run.sh
set -euo pipefail
GO=${GO:-go}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for m in hello format full; do
  GOOS=js GOARCH=wasm $GO build -trimpath -ldflags="-s -w" -o "$out/$m.wasm" ./units/internal/sizereport/$m
done
table=$(bash internal/tools/size.sh "$out/hello.wasm" "$out/format.wasm" "$out/full.wasm")
echo "$table"
num() { echo "$table" | awk -F'|' -v f="$1.wasm" -v c="$2" '$2 ~ f {gsub(/ /,"",$c); print $c}'; }
d_raw=$(( $(num format 3) - $(num hello 3) )); d_br=$(( $(num format 5) - $(num hello 5) ))
f_raw=$(( $(num full 3) - $(num hello 3) )); f_br=$(( $(num full 5) - $(num hello 5) ))
locales=$(sed -n 's/^const generatedLocales = "\(.*\)"$/\1/p' units/tables_gen.go)
cldr=$(sed -n 's/^const CLDRVersion = "\(.*\)"$/\1/p' units/tables_gen.go)
section=$(cat <<MD
<!-- units-size:start -->
## Size of package units in wasm

What \`units\` adds to a WebAssembly binary, with the locales compiled in
by default ($locales; CLDR $cldr). Each main is built with
\`GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w"\` ($($GO version | cut -d' ' -f3));
\`hello\` prints a string with fmt, \`format\` formats one quantity
(\`units.Format\`), \`full\` also parses, converts, picks the preferred units
and formats mixed units and plain numbers. Regenerate with \`make size\`
(\`units/internal/sizereport/run.sh\`).

$table

- units.Format over hello world: **+$d_raw bytes raw, +$d_br bytes brotli**
  (golang.org/x/text/language included).
- the whole units API over hello world: +$f_raw bytes raw, +$f_br bytes brotli.
<!-- units-size:end -->
MD
)
f=BENCHMARKS.md
printf '%s\n' "$section" | bash internal/tools/section.sh units-size "$f"
echo "updated the units-size section of $f"
