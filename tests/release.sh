#!/usr/bin/env bash
# Checks the release machinery without releasing: scripts/check-version.sh against fake tags (in
# this checkout and in a copy whose Cargo.toml says another version), the release workflow's
# YAML (it parses; tags v*, the version check first, every wheel target, trusted publishing),
# the other YAML files shipped, the binary archive made from a built wheel, and the sdist's
# contents (it must build without the repository around it).
# Usage: tests/release.sh [WHEEL_DIR]   (the archive check runs when WHEEL_DIR holds a wheel)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
wheels=${1:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$root/Cargo.toml" | head -n 1)

expect() { # expect STATUS COMMAND...
  local want=$1
  shift
  set +e
  "$@" >"$work/out" 2>&1
  local got=$?
  set -e
  if [ "$got" -ne "$want" ]; then
    echo "FAIL: '$*' exited $got, expected $want:" >&2
    cat "$work/out" >&2
    exit 1
  fi
}
expect 0 bash "$root/scripts/check-version.sh" "v$version"
expect 0 bash "$root/scripts/check-version.sh" "refs/tags/v$version"
expect 0 env GITHUB_REF_NAME="v$version" bash "$root/scripts/check-version.sh"
expect 1 bash "$root/scripts/check-version.sh" "v$version.1"
expect 1 bash "$root/scripts/check-version.sh" "$version"
expect 1 bash "$root/scripts/check-version.sh" "v9.9.9"
expect 2 env -u GITHUB_REF_NAME bash "$root/scripts/check-version.sh"
mkdir -p "$work/bumped/scripts"
cp "$root/scripts/check-version.sh" "$work/bumped/scripts/"
cp "$root/pyproject.toml" "$work/bumped/"
sed 's/^version = ".*"$/version = "7.8.9"/' "$root/Cargo.toml" >"$work/bumped/Cargo.toml"
expect 0 bash "$work/bumped/scripts/check-version.sh" v7.8.9
expect 1 bash "$work/bumped/scripts/check-version.sh" "v$version"
echo "check-version: accepts v$version, rejects other tags"

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q --disable-pip-version-check pyyaml 'maturin>=1.5,<2'
"$work/venv/bin/python" - "$root" <<'PY'
import pathlib, sys
import yaml

root = pathlib.Path(sys.argv[1])
workflow = yaml.safe_load((root / ".github/workflows/release.yml").read_text())
on = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
assert on == {"push": {"tags": ["v*"]}}, on
jobs = workflow["jobs"]
assert any("check-version.sh" in s.get("run", "") for s in jobs["check-version"]["steps"])
assert jobs["wheels"]["needs"] == "check-version" and jobs["sdist"]["needs"] == "check-version"
targets = {entry["target"]: entry for entry in jobs["wheels"]["strategy"]["matrix"]["include"]}
wanted = {
    "x86_64-unknown-linux-gnu", "aarch64-unknown-linux-gnu",
    "x86_64-unknown-linux-musl", "aarch64-unknown-linux-musl",
    "x86_64-apple-darwin", "aarch64-apple-darwin", "x86_64-pc-windows-msvc",
}
assert set(targets) == wanted, set(targets) ^ wanted
for target, entry in targets.items():
    kind = "musllinux_1_2" if target.endswith("-musl") else "2014" if "linux" in target else "off"
    assert entry["manylinux"] == kind, (target, entry)
def uses(job, action):
    return [s for s in jobs[job]["steps"] if s.get("uses", "").startswith(action + "@")]
assert uses("wheels", "PyO3/maturin-action") and uses("sdist", "PyO3/maturin-action")
assert "--locked" in uses("wheels", "PyO3/maturin-action")[0]["with"]["args"]
assert uses("pypi", "pypa/gh-action-pypi-publish")
assert jobs["pypi"]["permissions"] == {"id-token": "write"}, "trusted publishing needs id-token: write"
assert jobs["github-release"]["permissions"] == {"contents": "write"}
assert workflow["permissions"] == {"contents": "read"}
for name in (".pre-commit-hooks.yaml", "action.yml", "ci/gitlab-adrlint.yml"):
    yaml.safe_load((root / name).read_text())
print("release workflow: parses, tags v*, version check first, 7 wheel targets, sdist, trusted publishing")
PY

if [ -n "$wheels" ] && ls "$wheels"/adrlint-*.whl >/dev/null 2>&1; then
  archive=$(python3 "$root/scripts/binary-archive.py" "$(ls "$wheels"/adrlint-*.whl | head -n 1)" x86_64-unknown-linux-gnu "v$version" "$work/archives")
  tar -xzf "$archive" -C "$work/archives"
  unpacked="$work/archives/adrlint-v$version-x86_64-unknown-linux-gnu"
  [ "$("$unpacked/adrlint" --version)" = "adrlint $version" ]
  for file in README.md LICENSE-MIT LICENSE-APACHE; do [ -f "$unpacked/$file" ]; done
  echo "binary archive: $(basename "$archive") ($(du -k "$archive" | cut -f1) KiB) runs"
fi

(cd "$root" && "$work/venv/bin/maturin" sdist --out "$work/sdist" >/dev/null 2>&1)
sdist=$(ls "$work/sdist/adrlint-$version.tar.gz")
tar -tzf "$sdist" | sed "s|^adrlint-$version/||" | sort >"$work/sdist.list"
for file in pyproject.toml Cargo.toml Cargo.lock README.md LICENSE-MIT LICENSE-APACHE src/main.rs src/lib.rs \
  rules/build-your-own.toml rules/evidence.toml PKG-INFO; do
  grep -qx "$file" "$work/sdist.list" || { echo "FAIL: the sdist lacks $file" >&2; exit 1; }
done
echo "sdist: $(basename "$sdist") ($(wc -l <"$work/sdist.list") files) holds the sources, rules, lock file and licences"
