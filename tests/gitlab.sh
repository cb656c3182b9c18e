#!/usr/bin/env bash
# Runs the GitLab CI template's job the way a runner does: its variables (the template's,
# overridden per case) in the environment, before_script and script joined under `sh -e`, in a
# copy of fixtures/demo, with a fresh virtual environment's python standing in for the image's
# and the local wheel as ADRLINT_INSTALL. The Code Quality report must be written (and valid
# against SCHEMA_DIR's GitLab schema when SCHEMA_DIR is given and exists).
# Usage: tests/gitlab.sh WHEEL_DIR [SCHEMA_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
wheels=$(cd "${1:?usage: tests/gitlab.sh WHEEL_DIR [SCHEMA_DIR]}" && pwd)
schemas=${2:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# shellcheck source=tests/tools-venv.sh
. "$root/tests/tools-venv.sh"
tools_venv "$work/tools" "$schemas" "the Code Quality report"
schemas=$SCHEMAS
python3 -m venv "$work/image"

"$work/tools/bin/python" - "$root" "$work" "$(ls "$wheels"/adrlint-*.whl | head -n 1)" "$schemas" <<'PY'
import json, os, pathlib, shutil, subprocess, sys
import yaml

root, work, wheel, schemas = sys.argv[1:5]
root, work = pathlib.Path(root), pathlib.Path(work)
template = yaml.safe_load((root / "ci" / "gitlab-adrlint.yml").read_text())
job = template[".adrlint"]
assert template["adrlint"]["extends"] == ".adrlint"
assert job["image"].startswith("python:")
assert job["artifacts"]["when"] == "always"
report_name = job["artifacts"]["reports"]["codequality"]
version = next(l.split('"')[1] for l in (root / "Cargo.toml").read_text().splitlines() if l.startswith("version = "))
assert job["variables"]["ADRLINT_VERSION"] == version, "the template's ADRLINT_VERSION is not Cargo.toml's"
failed = []


def run(case, expect, **variables):
    workspace = work / f"ws-{case}"
    shutil.copytree(root / "fixtures" / "demo", workspace)
    env = {**os.environ, **job["variables"], "ADRLINT_INSTALL": wheel, **variables}
    env["PATH"] = f"{work / 'image' / 'bin'}{os.pathsep}{env['PATH']}"
    script = "\n".join(job["before_script"] + job["script"])
    done = subprocess.run(["sh", "-e", "-c", script], cwd=workspace, env=env, capture_output=True, text=True)
    report = workspace / report_name
    verdict = "ok" if done.returncode == expect else "FAIL"
    print(f"{verdict:4} {case}: exit {done.returncode} (expected {expect}), report {'written' if report.exists() else 'absent'}")
    if done.returncode != expect:
        failed.append(case)
        print(done.stdout, done.stderr, sep="\n", file=sys.stderr)
    return done.stdout, report


stdout, report = run("defaults", 1)
document = json.loads(report.read_text())
if {d["check_name"] for d in document} != {"own-scheduler", "overkill-rationale"}:
    failed.append("defaults")
    print(f"FAIL defaults: {document}", file=sys.stderr)
if schemas:
    import jsonschema
    schema = json.loads((pathlib.Path(schemas) / "gitlab-codequality.schema.json").read_text())
    jsonschema.validators.validator_for(schema)(schema).validate(document)
    print("   the Code Quality report is valid against GitLab's schema")
stdout, report = run("fail-on-none", 0, ADRLINT_FAIL_ON="none")
if "--exit-zero" not in stdout or not report.exists():
    failed.append("fail-on-none")
run("category", 0, ADRLINT_CATEGORY="framework-creator")
run("paths-args", 0, ADRLINT_PATHS="docs/adr", ADRLINT_ARGS="--select hygiene")
run("missing-path", 2, ADRLINT_PATHS="does-not-exist", ADRLINT_FAIL_ON="none")
sys.exit(1 if failed else 0)
PY
echo "gitlab: the template's job writes the Code Quality report; findings fail it unless ADRLINT_FAIL_ON=none"
