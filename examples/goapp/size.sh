#!/usr/bin/env bash
# Measures the wasm of examples/goapp (go-app hosting a gocycle app) beside
# web/demo's demo.wasm (gocycle alone) and widgets.wasm once its main exists
# (examples/odoo-widget/wasm or cmd/widgets), and writes the goapp-size
# section of BENCHMARKS.md (between <!-- goapp-size:start --> and
# <!-- goapp-size:end -->; the rest of the file is left alone).
# `make size` runs it from the repository root.
set -euo pipefail
cd "$(dirname "$0")/../.."
GO=${GO:-go}
OUT=${OUT:-BENCHMARKS.md}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
build() { GOOS=js GOARCH=wasm $GO build -trimpath -ldflags="-s -w" -o "$tmp/$1" "$2"; }
build demo.wasm ./web/demo
build goapp.wasm ./examples/goapp
files=("$tmp/demo.wasm" "$tmp/goapp.wasm")
widgets=""
for m in examples/odoo-widget/wasm cmd/widgets; do
	if [ -d "$m" ]; then
		build widgets.wasm "./$m"
		files+=("$tmp/widgets.wasm")
		widgets="./$m"
		break
	fi
done
table=$(bash internal/tools/size.sh "${files[@]}")
echo "$table"
num() { echo "$table" | awk -F'|' -v f="$1" -v c="$2" '$2 ~ f {gsub(/ /,"",$c); print $c}'; }
d_raw=$(( $(num goapp.wasm 3) - $(num demo.wasm 3) ))
d_br=$(( $(num goapp.wasm 5) - $(num demo.wasm 5) ))
wnote="widgets.wasm is not built yet (issue 7): it joins the table when examples/odoo-widget/wasm or cmd/widgets exists."
if [ -n "$widgets" ]; then
	wnote="widgets.wasm is built from \`$widgets\`."
fi
section=$(cat <<MD
<!-- goapp-size:start -->
## Size of go-app hosting gocycle

\`examples/goapp\` (a go-app page hosting the FullyLocalizedSlider with
\`interop/goapp\`) beside \`demo.wasm\` (\`web/demo\`: gocycle alone, two
FullyLocalizedSliders, a plain slider and the language selector). Each main
is built with \`GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w"\`
($($GO version | cut -d' ' -f3)). $wnote Regenerate with \`make size\`
(\`examples/goapp/size.sh\`).

$table

- goapp.wasm over demo.wasm: **$( [ $d_raw -ge 0 ] && echo + )$d_raw bytes raw, $( [ $d_br -ge 0 ] && echo + )$d_br bytes brotli**, that is go-app
  and what it imports, since the demo has more gocycle components than the example, so this is a floor on
  what go-app costs.
- No wasm that gocycle ships imports \`interop/goapp\` or go-app
  (\`internal/deps\` checks with \`go list -deps\`).
<!-- goapp-size:end -->
MD
)
printf '%s\n' "$section" | bash internal/tools/section.sh goapp-size "$OUT"
echo "updated the goapp-size section of $OUT"
