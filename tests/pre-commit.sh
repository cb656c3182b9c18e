#!/usr/bin/env bash
# Runs this repository's real pre-commit hook `adrlint-src` (language: rust) with `pre-commit
# try-repo`, in a throw-away virtual environment and a throw-away git repository: the hook must
# fail on an over-reaching ADR (showing the diagnostic) and pass on a clean one. The wheel hook
# (`adrlint`, language: python) is tested by tests/pre-commit-python.sh.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q --disable-pip-version-check pre-commit
export PRE_COMMIT_HOME="$work/pre-commit-home"

repo="$work/repo"
mkdir -p "$repo/docs/adr"
cd "$repo"
git init -q
git config user.email ci@example.invalid
git config user.name CI
cat > adrlint.toml <<'TOML'
[team]
name = "Hook test"
category = "framework-user"
TOML
cat > docs/adr/0001-scheduling.md <<'ADR'
# 1. Scheduling

## Status

Accepted

## Decision

We will write our own job scheduler for the nightly batch.
ADR
git add -A

set +e
"$work/venv/bin/pre-commit" try-repo "$root" adrlint-src --all-files --color never >"$work/fail.log" 2>&1
status=$?
set -e
cat "$work/fail.log"
if [ "$status" -eq 0 ]; then
  echo "FAIL: the hook passed on an over-reaching ADR" >&2
  exit 1
fi
grep -q "error\[own-scheduler\]" "$work/fail.log" || { echo "FAIL: the diagnostic was not shown" >&2; exit 1; }
grep -q "docs/adr/0001-scheduling.md:9:9" "$work/fail.log" || { echo "FAIL: the span was not shown" >&2; exit 1; }

cat > docs/adr/0001-scheduling.md <<'ADR'
# 1. Scheduling

## Status

Accepted

## Decision

We will run the nightly batch on the platform team's Nomad cluster.
ADR
git add -A
"$work/venv/bin/pre-commit" try-repo "$root" adrlint-src --all-files --color never
echo "pre-commit hook: fails on the over-reaching ADR, passes on the clean one"
