#!/usr/bin/env bash
# Validates adrlint's machine-readable outputs on the fixtures against the official schemas in
# ../shared/schemas: SARIF 2.1.0 (JSON Schema), GitLab Code Quality (JSON Schema) and JUnit
# (XSD). Uses a throw-away virtual environment for jsonschema and lxml.
# Usage: tests/validate-outputs.sh SCHEMA_DIR
set -euo pipefail
schemas=${1:?usage: tests/validate-outputs.sh SCHEMA_DIR}
schemas=$(cd "$schemas" && pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
cargo build --locked --release -q --manifest-path "$root/Cargo.toml"
bin="$root/target/release/adrlint"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q --disable-pip-version-check jsonschema lxml

for fixture in formats demo suppressions input madr traps; do
  (
    cd "$root/fixtures/$fixture"
    for format in sarif gitlab junit; do
      "$bin" check --format "$format" >"$work/$fixture.$format" 2>/dev/null || true
    done
  )
done

"$work/venv/bin/python" - "$schemas" "$work" <<'PY'
import json, pathlib, sys
import jsonschema
from lxml import etree

schemas, work = map(pathlib.Path, sys.argv[1:3])
sarif = json.loads((schemas / "sarif-schema-2.1.0.json").read_text())
gitlab = json.loads((schemas / "gitlab-codequality.schema.json").read_text())
junit = etree.XMLSchema(etree.parse(str(schemas / "junit.xsd")))
failed = False
for path in sorted(work.glob("*.*")):
    if path.is_dir():
        continue
    kind = path.suffix[1:]
    try:
        if kind == "sarif":
            document = json.loads(path.read_text())
            jsonschema.validators.validator_for(sarif)(sarif).validate(document)
            count = len(document["runs"][0]["results"])
        elif kind == "gitlab":
            document = json.loads(path.read_text())
            jsonschema.validators.validator_for(gitlab)(gitlab).validate(document)
            count = len(document)
        elif kind == "junit":
            tree = etree.parse(str(path))
            if not junit.validate(tree):
                raise ValueError(str(junit.error_log))
            count = len(tree.findall(".//failure"))
        else:
            continue
        print(f"valid {kind:6} {path.stem:12} ({count} findings)")
    except Exception as error:  # report every invalid file, then fail
        failed = True
        print(f"INVALID {kind} {path.stem}: {error}", file=sys.stderr)
sys.exit(1 if failed else 0)
PY
