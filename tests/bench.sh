#!/usr/bin/env bash
# Times `adrlint check` against ripgrep searching the same patterns over the same generated
# ADRs, side by side in one hyperfine run per size, and prints the ratios adrlint/rg and
# adrlint's peak memory. Not part of `cargo test`: machines are shared and noisy, so only the
# ratios mean anything.
#
#   bash tests/bench.sh                # 1,000 and 10,000 files, and the one-file case
#   SIZES="1000 10000 100000" bash tests/bench.sh
#
# Needs hyperfine and ripgrep (Debian packages: apt-get install hyperfine ripgrep).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
sizes=${SIZES:-"1000 10000"}
runs=${RUNS:-5}
for tool in hyperfine rg; do
  command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install hyperfine ripgrep)" >&2; exit 2; }
done
cd "$root"
cargo build --locked --release -q --bin adrlint --example gen-corpus
bin="$root/target/release/adrlint"
gen="$root/target/release/examples/gen-corpus"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" rules --patterns >"$work/patterns.txt"
echo "patterns: $(wc -l <"$work/patterns.txt") (adrlint rules --patterns)"

ratio() { # hyperfine JSON → "adrlint mean, rg mean, ratio"
  python3 - "$1" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
a, r = results[0]["mean"], results[1]["mean"]
print(f"adrlint {a*1000:.1f} ms, rg {r*1000:.1f} ms, ratio {a/r:.2f}")
PY
}

per_size=()
for size in $sizes; do
  dir="$work/corpus-$size"
  "$gen" --files "$size" --out "$dir" --seed 1 >/dev/null
  bytes=$(du -sb "$dir" | cut -f1)
  hyperfine --style none --warmup 1 --runs "$runs" -i --export-json "$work/$size.json" \
    "$bin check $dir --format json > /dev/null" \
    "rg -i --no-unicode -f $work/patterns.txt $dir > /dev/null" >/dev/null 2>&1
  # adrlint exits 1 when it has findings.
  /usr/bin/time -f "%M" -o "$work/rss" "$bin" check "$dir" --format json >/dev/null 2>&1 || true
  rss=$(tail -1 "$work/rss")
  echo "$size files ($((bytes / 1024)) KiB): $(ratio "$work/$size.json"), adrlint peak RSS $((rss / 1024)) MiB"
  per_size+=("$size:$work/$size.json")
done

# Linearity: adrlint's time per file at each size against the size before it (1.00 is linear;
# the issue's target is within 10% from 10,000 to 100,000 files).
if [ "${#per_size[@]}" -gt 1 ]; then
  python3 - "${per_size[@]}" <<'PY'
import json, sys
rows = []
for arg in sys.argv[1:]:
    size, path = arg.split(":", 1)
    rows.append((int(size), json.load(open(path))["results"][0]["mean"]))
for (small, small_mean), (large, large_mean) in zip(rows, rows[1:]):
    growth = (large_mean / large) / (small_mean / small)
    print(f"linearity {small} -> {large} files: {large_mean / small_mean:.2f}x the time for "
          f"{large / small:.0f}x the files; time per file x{growth:.2f} (1.00 is linear)")
PY
fi

first_size=${sizes%% *}
files=("$work/corpus-$first_size"/team-000/docs/adr/*.md)
one=${files[0]}
hyperfine --style none --warmup 3 --runs 20 -i --export-json "$work/one.json" \
  "$bin check $one --format json > /dev/null" \
  "rg -i --no-unicode -f $work/patterns.txt $one > /dev/null" >/dev/null 2>&1
echo "one file (the pre-commit case): $(ratio "$work/one.json")"
