#!/usr/bin/env bash
# Times `adrlint check` against ripgrep over the same generated ADRs, side by side in one
# hyperfine run per size, and prints the ratios adrlint/rg and adrlint's peak memory. Two rg
# baselines: the fixed reference of 33 claim regexes (`../shared/bench/claims.rg`, or
# CLAIMS_RG=path; skipped with a notice when absent), which does not change as the packs grow,
# and the packs' own patterns and names (`adrlint rules --patterns`). Not part of `cargo
# test`: machines are shared and noisy, so only the ratios mean anything.
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
claims=${CLAIMS_RG:-"$root/../shared/bench/claims.rg"}
if [ -f "$claims" ]; then
  echo "reference: $(grep -c . "$claims") claim regexes ($claims)"
else
  echo "notice: no $claims; only the packs' own patterns are timed" >&2
  claims=""
fi

ratio() { # hyperfine JSON → "adrlint mean, then each rg mean and adrlint/rg"
  python3 - "$1" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
a = results[0]["mean"]
names = ["rg claims.rg", "rg packs"] if len(results) == 3 else ["rg packs"]
parts = [f"adrlint {a*1000:.1f} ms"]
for name, r in zip(names, results[1:]):
    parts.append(f"{name} {r['mean']*1000:.1f} ms (ratio {a/r['mean']:.2f})")
print(", ".join(parts))
PY
}
# The commands hyperfine compares, adrlint first: on a folder or a file.
commands() {
  local target=$1
  echo "$bin check $target --format json > /dev/null"
  if [ -n "$claims" ]; then echo "rg -i --no-unicode -f $claims $target > /dev/null"; fi
  echo "rg -i --no-unicode -f $work/patterns.txt $target > /dev/null"
}

per_size=()
for size in $sizes; do
  dir="$work/corpus-$size"
  "$gen" --files "$size" --out "$dir" --seed 1 >/dev/null
  bytes=$(du -sb "$dir" | cut -f1)
  mapfile -t cmds < <(commands "$dir")
  hyperfine --style none --warmup 1 --runs "$runs" -i --export-json "$work/$size.json" \
    "${cmds[@]}" >/dev/null 2>&1
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
mapfile -t cmds < <(commands "$one")
hyperfine --style none --warmup 3 --runs 20 -i --export-json "$work/one.json" \
  "${cmds[@]}" >/dev/null 2>&1
echo "one file (the pre-commit case): $(ratio "$work/one.json")"
