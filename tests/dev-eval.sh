#!/usr/bin/env bash
# Scores the claim rules on the development set of real ADRs (../shared/eval) and fails when a
# figure falls below its floor. The floors sit just under today's measurements: they catch a
# regression, they are not the targets (README, Accuracy). Usage: tests/dev-eval.sh [SHARED]
set -euo pipefail
shared=${1:-../shared}
if [ ! -f "$shared/eval/score.py" ] || [ ! -d "$shared/corpus/real" ]; then
  echo "notice: $shared/eval or $shared/corpus/real is absent; skipping the development-set score"
  exit 0
fi
cargo build --locked --release -q
out=$(mktemp)
python3 "$shared/eval/score.py" target/release/adrlint --corpus "$shared/corpus/real" \
  --labels "$shared/eval/labels.tsv" --borderline "$shared/eval/borderline.tsv" \
  --exhaustive "$shared/eval/exhaustive.txt" --verbose >"$out"
last=$(tail -1 "$out")
echo "$last"
python3 - "$last" <<'PY'
import re, sys
line = sys.argv[1]
def ratio(key):
    m = re.search(rf"{key}=(\d+)/(\d+)", line)
    if not m:
        sys.exit(f"the scorer's last line has no {key}: {line}")
    return int(m.group(1)) / max(int(m.group(2)), 1)
def value(key):
    m = re.search(rf"{key}=([0-9.]+)", line)
    if not m:
        sys.exit(f"the scorer's last line has no {key}: {line}")
    return float(m.group(1))
floors = {"creator_recall": 0.72, "user_recall": 0.72, "creator_files": 0.88, "user_files": 0.85}
ceilings = {"trap_hits": 0.03, "nonds_hits": 0.05}
failed = [f"{k} {ratio(k):.3f} < {v}" for k, v in floors.items() if ratio(k) < v]
failed += [f"{k} {ratio(k):.3f} > {v}" for k, v in ceilings.items() if ratio(k) > v]
failed += [f"{k} {value(k):.3f} < 0.90" for k in ("precision_fu", "precision_dpu") if value(k) < 0.90]
if failed:
    sys.exit("development set below its floors: " + "; ".join(failed))
PY
rm -f "$out"
