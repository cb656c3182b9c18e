#!/usr/bin/env bash
# Builds the Python wheel with maturin (from PyPI, in a throw-away virtual environment), installs
# it into a fresh virtual environment and runs the installed `adrlint check fixtures/demo` (exit 1).
# Prints the wheel's size and the install time.
# Usage: tests/wheel.sh [WHEEL_DIR]   (the wheel is left in WHEEL_DIR, default target/wheels)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
wheels=${1:-${CARGO_TARGET_DIR:-$root/target}/wheels}
mkdir -p "$wheels"
wheels=$(cd "$wheels" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

now() { python3 -c 'import time; print(time.monotonic())'; }
since() { python3 -c "import sys, time; print(f'{time.monotonic() - float(sys.argv[1]):.2f}')" "$1"; }

python3 -m venv "$work/build"
"$work/build/bin/pip" install -q --disable-pip-version-check 'maturin>=1.5,<2'
rm -f "$wheels"/adrlint-*.whl
# auditwheel's check runs (the binary links only the C library); nothing needs repairing.
(cd "$root" && "$work/build/bin/maturin" build --release --locked --out "$wheels" --quiet)
wheel=$(ls "$wheels"/adrlint-*.whl)
echo "built $(basename "$wheel"): $(du -k "$wheel" | cut -f1) KiB"

python3 -m venv "$work/user"
started=$(now)
"$work/user/bin/pip" install -q --disable-pip-version-check --no-index "$wheel"
echo "pip install of the wheel (no index, no compiler): $(since "$started") s"

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$root/Cargo.toml" | head -n 1)
installed=$("$work/user/bin/adrlint" --version)
[ "$installed" = "adrlint $version" ] || { echo "FAIL: installed '$installed', expected adrlint $version" >&2; exit 1; }

set +e
(cd "$root" && "$work/user/bin/adrlint" check fixtures/demo --color never) >"$work/demo.log" 2>&1
status=$?
set -e
cat "$work/demo.log"
if [ "$status" -ne 1 ]; then
  echo "FAIL: expected exit 1 from the installed adrlint on fixtures/demo, got $status" >&2
  exit 1
fi
grep -q "error\[own-scheduler\]" "$work/demo.log" || { echo "FAIL: no own-scheduler finding" >&2; exit 1; }
echo "wheel: installed $installed runs the demo (exit 1)"
