#!/usr/bin/env bash
# Prints the raw, gzip -9 and brotli (quality 11, Node's zlib) sizes of the
# wasm files given as arguments, as a Markdown table.
set -euo pipefail
printf '| file | raw bytes | gzip -9 | brotli 11 |\n|---|---:|---:|---:|\n'
for f in "$@"; do
  raw=$(wc -c <"$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  br=$(node -e 'const z=require("zlib"),fs=require("fs");const b=fs.readFileSync(process.argv[1]);process.stdout.write(String(z.brotliCompressSync(b,{params:{[z.constants.BROTLI_PARAM_QUALITY]:11,[z.constants.BROTLI_PARAM_SIZE_HINT]:b.length}}).length))' "$f")
  printf '| %s | %d | %d | %d |\n' "$(basename "$f")" "$raw" "$gz" "$br"
done
