#!/usr/bin/env bash
# Runs adrlint over a corpus of real ADRs: it must exit 0 or 1 (never 2 or a panic), count
# every Markdown file, and print the findings per rule. Usage: tests/corpus.sh DIR
set -euo pipefail
corpus=${1:?usage: tests/corpus.sh DIR}
bin=target/release/adrlint
cargo build --locked --release -q
# Every file named: a folder would give only its ADR folders, and this run must read them all.
mapfile -d '' files < <(find "$corpus" -type f \( -name '*.md' -o -name '*.markdown' \) -print0 | sort -z)
expected=${#files[@]}
for category in framework-user data-product-user; do
  out=$(mktemp)
  set +e
  "$bin" check "${files[@]}" --category "$category" --format json >"$out" 2>/dev/null
  status=$?
  set -e
  if [ "$status" -gt 1 ]; then
    echo "adrlint exited $status on the corpus (category $category)" >&2
    exit 1
  fi
  python3 - "$out" "$expected" "$category" <<'PY'
import collections, json, sys
report = json.load(open(sys.argv[1]))
expected, category = int(sys.argv[2]), sys.argv[3]
files = report["summary"]["files"]
if files != expected:
    sys.exit(f"summary counts {files} files, the corpus has {expected}")
counts = collections.Counter(d["rule"] for d in report["diagnostics"])
print(f"category {category}: {files} files, findings per rule: {dict(sorted(counts.items())) or 'none'}")
PY
  rm -f "$out"
done
