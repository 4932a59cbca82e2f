#!/usr/bin/env bash
# Reports the size of widgets.wasm (raw, gzip -9, brotli 11) beside a
# hello-world wasm built the same way (the Go runtime floor), and writes
# the widgets-size section of BENCHMARKS.md (between
# <!-- widgets-size:start --> and <!-- widgets-size:end -->; the rest of
# the file is left alone). Run from the repository root by `make size`.
set -euo pipefail
GO=${GO:-go}
widgets=$1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
mkdir -p "$out/hello"
cat >"$out/hello/main.go" <<'GO'
package main

func main() { println("hello, world") }
GO
(cd "$out/hello" && GOOS=js GOARCH=wasm GOFLAGS=-mod=mod GO111MODULE=off $GO build -trimpath -ldflags="-s -w" -o "$out/hello.wasm" main.go)
cp "$widgets" "$out/widgets.wasm"
table=$(bash internal/tools/size.sh "$out/hello.wasm" "$out/widgets.wasm")
echo "$table"
num() { echo "$table" | awk -F'|' -v f="$1.wasm" -v c="$2" '$2 ~ f {gsub(/ /,"",$c); print $c}'; }
# The gzip copy make odoo-addon writes beside widgets.wasm (gzip -9 -n),
# which GoCycle.load(url, {gzip}) downloads and inflates in the page.
shipped=""
if [ -f "$widgets.gz" ]; then
  shipped="
- The addon ships widgets.wasm.gz beside it (\`gzip -9 -n\`, $(wc -c <"$widgets.gz") bytes):
  the field component loads it with \`GoCycle.load(url, {gzip})\`, which inflates
  it in the page with DecompressionStream, so that is the download whatever the
  server compresses. Odoo 17 sends widgets.wasm as it is and the .gz with
  \`Content-Encoding: gzip\` (the browser inflates it, and the loader takes the
  bytes as they come)."
fi
# Where the bytes go: the same module built with symbols (no -s -w), its
# function bodies summed by package and by generic function from the
# name section (internal/tools/wasmsize).
(GOOS=js GOARCH=wasm $GO build -trimpath -o "$out/widgets-syms.wasm" ./examples/odoo-widget/wasm)
where=$($GO run ./internal/tools/wasmsize -top 15 "$out/widgets-syms.wasm")
echo "$where"
section=$(cat <<MD
<!-- widgets-size:start -->
## Size of widgets.wasm

The Odoo addon's module (examples/odoo-widget/wasm: the quantity slider,
the plain slider and the language selector, with their messages, CLDR unit
data for the default locales), beside a hello world
(\`println\`) built the same way, the Go runtime's floor. Both are built with
\`GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w"\`
($($GO version | cut -d' ' -f3)). Regenerate with \`make size\`
(examples/odoo-widget/sizereport.sh).

$table

- widgets.wasm over hello world: +$(( $(num widgets 3) - $(num hello 3) )) bytes raw,
  +$(( $(num widgets 5) - $(num hello 5) )) bytes brotli.$shipped

### Where the bytes go

The same module built with symbols (\`-trimpath\` only), read by
\`go run ./internal/tools/wasmsize\`: the sections, then the function
bodies by package and by generic function (every instantiation of one
generic function or method together; closures count with their function).
The data section holds Go's read-only data, type descriptors and the
function tables that grow with the code.

$where
<!-- widgets-size:end -->
MD
)
f=BENCHMARKS.md
printf '%s\n' "$section" | bash internal/tools/section.sh widgets-size "$f"
echo "updated the widgets-size section of $f"
