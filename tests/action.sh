#!/usr/bin/env bash
# Runs the GitHub Action's script the way action.yml's composite step runs it: its `run` line,
# under `bash --noprofile --norc -eo pipefail`, with the step's `env:` mapping evaluated from the
# inputs (action.yml's defaults, overridden per case), GITHUB_ACTION_PATH, GITHUB_OUTPUT and
# RUNNER_TEMP set, in a git work tree holding a copy of fixtures/demo. Covers the `github` and
# SARIF paths, fail-on (none = --exit-zero), category, diff-base, args and an exit 2 that no
# input can hide. The SARIF report is validated against SCHEMA_DIR's SARIF 2.1.0 schema when
# SCHEMA_DIR is given and exists (skipped with a notice otherwise).
# Usage: tests/action.sh WHEEL_DIR [SCHEMA_DIR]   (WHEEL_DIR from tests/wheel.sh)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
wheels=$(cd "${1:?usage: tests/action.sh WHEEL_DIR [SCHEMA_DIR]}" && pwd)
schemas=${2:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# shellcheck source=tests/tools-venv.sh
. "$root/tests/tools-venv.sh"
tools_venv "$work/venv" "$schemas" "the SARIF report"
schemas=$SCHEMAS

mkdir "$work/workspace"
cp -R "$root/fixtures/demo/." "$work/workspace/"
(
  cd "$work/workspace"
  git init -q
  git add -A
  git -c user.name=CI -c user.email=ci@example.invalid commit -q -m demo
)

"$work/venv/bin/python" - "$root" "$work" "$(ls "$wheels"/adrlint-*.whl | head -n 1)" "$schemas" <<'PY'
import json, os, pathlib, re, subprocess, sys, time
import yaml

root, work, wheel, schemas = sys.argv[1:5]
root, work = pathlib.Path(root), pathlib.Path(work)
action = yaml.safe_load((root / "action.yml").read_text())
assert action["runs"]["using"] == "composite"
step, upload = action["runs"]["steps"]
assert step["shell"] == "bash" and step["id"] == "adrlint"
# The SARIF upload runs even when findings failed the step before it, and only with a report.
assert upload["uses"].startswith("github/codeql-action/upload-sarif@"), upload
assert "always()" in upload["if"] and "steps.adrlint.outputs.sarif-file != ''" in upload["if"], upload
defaults = {name: spec.get("default", "") for name, spec in action["inputs"].items()}
runner_temp = work / "runner-temp"
runner_temp.mkdir()
failed = []


def run(case, expect, **inputs):
    """Runs the composite step with these inputs; returns (stdout, outputs)."""
    unknown = set(inputs) - set(defaults)
    assert not unknown, f"{case}: no such inputs {unknown}"
    values = {**defaults, **inputs}
    expression = re.compile(r"\$\{\{\s*inputs\.([A-Za-z0-9_-]+)\s*\}\}")
    env = {k: expression.sub(lambda m: values[m.group(1)], v) for k, v in step["env"].items()}
    output = work / f"output-{case}"
    output.write_text("")
    env = {**os.environ, **env, "GITHUB_ACTION_PATH": str(root), "GITHUB_OUTPUT": str(output),
           "RUNNER_TEMP": str(runner_temp), "GITHUB_ACTIONS": "true"}
    if values["install"] == "none":
        env["PATH"] = f"{runner_temp / 'adrlint-venv' / 'bin'}{os.pathsep}{env['PATH']}"
    started = time.monotonic()
    done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
                          cwd=work / "workspace", env=env, capture_output=True, text=True)
    took = time.monotonic() - started
    outputs = dict(line.split("=", 1) for line in output.read_text().splitlines() if "=" in line)
    verdict = "ok" if done.returncode == expect else "FAIL"
    print(f"{verdict:4} {case}: exit {done.returncode} (expected {expect}), {took:.2f} s, outputs {outputs}")
    if done.returncode != expect or outputs.get("exit-code", "2") != str(expect):
        failed.append(case)
        print(done.stdout, done.stderr, sep="\n", file=sys.stderr)
    return done.stdout, outputs


def check(case, condition, message):
    if not condition:
        failed.append(case)
        print(f"FAIL {case}: {message}", file=sys.stderr)


# 1. Defaults (github annotations, fail-on error), installing the wheel as the action does.
stdout, _ = run("github", 1, install=wheel)
check("github", re.search(r"^installed adrlint \S+ in [0-9.]+ s$", stdout, re.M), "no install line")
print("   " + next(l for l in stdout.splitlines() if l.startswith("installed ")))
check("github", "::error file=docs/adr/0002-batch-scheduling.md,line=16,col=9," in stdout, "no error annotation")
check("github", "::warning file=docs/adr/0002-batch-scheduling.md,line=16," in stdout, "no warning annotation")

# 2. Findings that must not fail the step: --exit-zero, still annotated.
stdout, _ = run("github-fail-on-none", 0, install="none", **{"fail-on": "none"})
check("github-fail-on-none", "--exit-zero" in stdout and "::error file=" in stdout, "not --exit-zero, or no annotations")

# 3. fail-on warning is passed on; a creator team's category clears the demo's claim.
stdout, _ = run("fail-on-warning", 1, install="none", **{"fail-on": "warning"})
check("fail-on-warning", "--fail-on warning" in stdout, "--fail-on warning not passed")
stdout, _ = run("category", 0, install="none", category="framework-creator")
check("category", "--category framework-creator" in stdout and "::error file=" not in stdout, "category not applied")

# 4. SARIF: the report is written (and named in the outputs) although findings fail the step.
sarif_file = work / "workspace" / "adrlint.sarif"
_, outputs = run("sarif", 1, install="none", format="sarif")
check("sarif", outputs.get("sarif-file") == "adrlint.sarif" and sarif_file.is_file(), "no SARIF report")
document = json.loads(sarif_file.read_text())
rules = {r["ruleId"] for r in document["runs"][0]["results"]}
check("sarif", rules == {"own-scheduler", "overkill-rationale"}, f"results {rules}")
if schemas:
    import jsonschema
    schema = json.loads((pathlib.Path(schemas) / "sarif-schema-2.1.0.json").read_text())
    jsonschema.validators.validator_for(schema)(schema).validate(document)
    print("   the SARIF report is valid SARIF 2.1.0")
sarif_file.unlink()
_, outputs = run("sarif-fail-on-none", 0, install="none", format="sarif", **{"fail-on": "none"}, **{"sarif-file": "reports/adrlint.sarif"})
check("sarif-fail-on-none", (work / "workspace/reports/adrlint.sarif").is_file(), "no SARIF report in reports/")

# 5. Exit 2 always fails the step, whatever fail-on says. A missing path is a run problem that
# a SARIF report records (executionSuccessful false, uploaded for code scanning to show); a
# configuration error stops the run before any report, leaving nothing to upload.
run("missing-path-github", 2, install="none", paths="docs/adr does-not-exist", **{"fail-on": "none"})
_, outputs = run("missing-path-sarif", 2, install="none", format="sarif", paths="docs/adr does-not-exist", **{"fail-on": "none"})
if outputs.get("sarif-file"):
    invocation = json.loads(sarif_file.read_text())["runs"][0]["invocations"][0]
    check("missing-path-sarif", invocation["executionSuccessful"] is False, "executionSuccessful is not false")
    sarif_file.unlink()
for fmt in ("github", "sarif"):
    sarif_file.write_text("a stale report of an earlier step")
    _, outputs = run(f"bad-config-{fmt}", 2, install="none", format=fmt, args="--config missing.toml", **{"fail-on": "none"})
    if fmt == "sarif":
        check(f"bad-config-{fmt}", "sarif-file" not in outputs and not sarif_file.exists(), "a report after a configuration error")
    sarif_file.unlink(missing_ok=True)
run("bad-fail-on", 2, install="none", **{"fail-on": "sometimes"})

# 6. PR mode and extra arguments: nothing changed since HEAD, and rule selection.
run("diff-base", 0, install="none", **{"diff-base": "HEAD"})
run("diff-base-missing-ref", 2, install="none", **{"diff-base": "no-such-ref"})
stdout, _ = run("args", 0, install="none", args="--select hygiene", paths="docs/adr")

sys.exit(1 if failed else 0)
PY
echo "action: scripts/action.sh runs as the composite step does (github and SARIF paths)"
