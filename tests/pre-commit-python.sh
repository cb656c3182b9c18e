#!/usr/bin/env bash
# Runs the real pre-commit tool with the wheel hook (`adrlint`, language: python) as a user gets
# it: from the adrlint-pre-commit mirror that scripts/pre-commit-mirror.sh writes from this
# repository's .pre-commit-hooks.yaml, in a throw-away project repository whose
# .pre-commit-config.yaml names the mirror. A local wheel directory stands in for the package
# index (PIP_NO_INDEX, PIP_FIND_LINKS), and the hook step runs with no Rust toolchain on PATH.
# The hook must fail on an over-reaching ADR (with the diagnostic) and pass on a clean one.
# Prints the hook's first-install time and size.
# Usage: tests/pre-commit-python.sh WHEEL_DIR   (holding adrlint-VERSION-*.whl; tests/wheel.sh)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
wheels=$(cd "${1:?usage: tests/pre-commit-python.sh WHEEL_DIR}" && pwd)
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$root/Cargo.toml" | head -n 1)
ls "$wheels"/adrlint-"$version"-*.whl >/dev/null || { echo "no adrlint $version wheel in $wheels" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

now() { python3 -c 'import time; print(time.monotonic())'; }
since() { python3 -c "import sys, time; print(f'{time.monotonic() - float(sys.argv[1]):.2f}')" "$1"; }

# With the network: pre-commit itself, and the index's other content (the mirror's build backend).
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q --disable-pip-version-check pre-commit
mkdir "$work/index"
cp "$wheels"/adrlint-"$version"-*.whl "$work/index/"
"$work/venv/bin/pip" download -q --disable-pip-version-check --only-binary :all: -d "$work/index" 'setuptools>=61'

mirror="$work/adrlint-pre-commit"
bash "$root/scripts/pre-commit-mirror.sh" --git "$version" "$mirror"
# The mirror's hook is the shipped one, unchanged.
"$work/venv/bin/python" - "$root/.pre-commit-hooks.yaml" "$mirror/.pre-commit-hooks.yaml" <<'PY'
import sys, yaml
shipped, mirror = (yaml.safe_load(open(p)) for p in sys.argv[1:3])
python_hooks = [h for h in shipped if h["language"] == "python"]
assert [h["id"] for h in python_hooks] == ["adrlint"], python_hooks
assert mirror == python_hooks, (mirror, python_hooks)
assert any(h["id"] == "adrlint-src" and h["language"] == "rust" for h in shipped), shipped
PY

# shellcheck source=tests/hook-case.sh
. "$root/tests/hook-case.sh"
hook_repo "$work/repo"
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $mirror
    rev: v$version
    hooks:
      - id: adrlint
YAML
git add -A

# The hook step: no Rust toolchain on PATH, no package index but the wheel directory.
path=
IFS=: read -r -a entries <<<"$PATH"
for entry in "${entries[@]}"; do
  if [ -z "$entry" ] || [ -x "$entry/cargo" ] || [ -x "$entry/rustc" ] || [ -x "$entry/rustup" ] || [ -x "$entry/adrlint" ]; then
    continue
  fi
  path=${path:+$path:}$entry
done
hook_env=(env PATH="$path" PIP_NO_INDEX=1 PIP_FIND_LINKS="$work/index" PIP_DISABLE_PIP_VERSION_CHECK=1
  PRE_COMMIT_HOME="$work/pre-commit-home" CARGO_HOME="$work/no-cargo" RUSTUP_HOME="$work/no-rustup")
if "${hook_env[@]}" sh -c 'command -v cargo || command -v rustc || command -v adrlint' >/dev/null; then
  echo "FAIL: a Rust toolchain or adrlint is still on PATH for the hook step" >&2
  exit 1
fi

started=$(now)
"${hook_env[@]}" "$work/venv/bin/pre-commit" install-hooks
echo "pre-commit hook first install (wheel, no Rust toolchain): $(since "$started") s, $(du -sm "$work/pre-commit-home" | cut -f1) MB"

HOOK_LOG="$work/fail.log"
hook_fails_then_passes "${hook_env[@]}" "$work/venv/bin/pre-commit" run --all-files --color never
echo "pre-commit wheel hook: fails on the over-reaching ADR, passes on the clean one, no Rust toolchain"
