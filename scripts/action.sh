#!/usr/bin/env bash
# The GitHub Action's logic (action.yml calls it; .ci/run runs it the same way on fixtures).
# Inputs come as the composite step passes them, in INPUT_* variables:
#   INPUT_VERSION    adrlint version to install (default: this checkout's Cargo.toml version,
#                    which is the version of the action's ref)
#   INPUT_INSTALL    what pip installs instead of adrlint==VERSION (a wheel path, a requirement);
#                    `none` uses the adrlint already on PATH
#   INPUT_PATHS      files and folders, separated by spaces or new lines (default: adrlint's own)
#   INPUT_CATEGORY   --category
#   INPUT_FORMAT     github (annotations, default), sarif, or any other --format
#   INPUT_SARIF_FILE where the SARIF report goes (default adrlint.sarif)
#   INPUT_FAIL_ON    error (default), warning, info, or none (findings never fail: --exit-zero)
#   INPUT_DIFF_BASE  --diff-base REF (PR mode)
#   INPUT_ARGS       further arguments, split on white space
# Exit status is adrlint's: 1 fails the step on findings at or above fail-on, 2 (a usage or
# configuration error, a missing path) always fails it.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
version=${INPUT_VERSION:-}
if [ -z "$version" ]; then
  version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$here/Cargo.toml" | head -n 1)
fi
install=${INPUT_INSTALL:-}
format=${INPUT_FORMAT:-github}
fail_on=${INPUT_FAIL_ON:-error}
sarif_file=${INPUT_SARIF_FILE:-adrlint.sarif}
output=${GITHUB_OUTPUT:-/dev/null}

# Install into a virtual environment of its own: no clash with the runner's Python packages.
if [ "$install" = none ]; then
  adrlint=$(command -v adrlint) || { echo "::error::install is none but adrlint is not on PATH"; exit 2; }
else
  venv=${RUNNER_TEMP:-$(mktemp -d)}/adrlint-venv
  python=$(command -v python3 || command -v python) || { echo "::error::adrlint's action needs Python 3"; exit 2; }
  "$python" -m venv "$venv"
  bin="$venv/bin"
  [ -d "$bin" ] || bin="$venv/Scripts"
  started=$("$bin/python" -c 'import time; print(time.time())')
  "$bin/python" -m pip install -q --disable-pip-version-check "${install:-adrlint==$version}"
  adrlint="$bin/adrlint"
  echo "installed $("$adrlint" --version) in $("$bin/python" -c 'import sys, time; print(f"{time.time() - float(sys.argv[1]):.1f}")' "$started") s"
fi

args=(check --color never)
case "$fail_on" in
  none) args+=(--exit-zero) ;;
  error | warning | info) args+=(--fail-on "$fail_on") ;;
  *) echo "::error::fail-on must be error, warning, info or none, not '$fail_on'"; exit 2 ;;
esac
if [ -n "${INPUT_CATEGORY:-}" ]; then args+=(--category "$INPUT_CATEGORY"); fi
if [ -n "${INPUT_DIFF_BASE:-}" ]; then args+=(--diff-base "$INPUT_DIFF_BASE"); fi
if [ "$format" = sarif ]; then
  # No stale report from an earlier step is uploaded if this run writes none.
  rm -f "$sarif_file"
  mkdir -p "$(dirname "$sarif_file")"
  args+=(--format sarif --output-file "$sarif_file")
else
  args+=(--format "$format")
fi
# Word splitting is the interface of `args` and `paths`: one argument per word.
# shellcheck disable=SC2206
extra=(${INPUT_ARGS:-})
# shellcheck disable=SC2206
paths=(${INPUT_PATHS:-})
# (The `+` forms keep empty arrays legal under `set -u` in the bash 3.2 of macOS runners.)
args+=(${extra[@]+"${extra[@]}"})
if [ "${#paths[@]}" -gt 0 ]; then args+=(-- "${paths[@]}"); fi

echo "adrlint ${args[*]}"
set +e
"$adrlint" "${args[@]}"
status=$?
set -e
echo "exit-code=$status" >>"$output"
if [ "$format" = sarif ] && [ -f "$sarif_file" ]; then
  echo "sarif-file=$sarif_file" >>"$output"
fi
case "$status" in
  0) ;;
  1) echo "adrlint: findings at or above '$fail_on' fail this step" ;;
  *) echo "::error::adrlint could not run (exit $status): see the messages above" ;;
esac
exit "$status"
