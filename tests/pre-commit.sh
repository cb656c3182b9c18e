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

# shellcheck source=tests/hook-case.sh
. "$root/tests/hook-case.sh"
hook_repo "$work/repo"
git add -A
HOOK_LOG="$work/fail.log"
hook_fails_then_passes "$work/venv/bin/pre-commit" try-repo "$root" adrlint-src --all-files --color never
echo "pre-commit hook: fails on the over-reaching ADR, passes on the clean one"
