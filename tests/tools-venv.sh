# Sourced by tests/action.sh and tests/gitlab.sh: a virtual environment with the tools that
# read a CI template (pyyaml) and, when the schema folder is there, check a report against its
# schema (jsonschema).

# tools_venv VENV SCHEMA_DIR WHAT: makes VENV; sets SCHEMAS to SCHEMA_DIR made absolute, or to
# nothing (with a notice that WHAT is not validated) when it is not given or absent.
tools_venv() {
  local packages=(pyyaml)
  python3 -m venv "$1"
  SCHEMAS=
  if [ -n "$2" ] && [ -d "$2" ]; then
    SCHEMAS=$(cd "$2" && pwd)
    packages+=(jsonschema)
  else
    echo "notice: ${2:-no schema folder given}: absent; $3 is not validated against its schema"
  fi
  "$1/bin/pip" install -q --disable-pip-version-check "${packages[@]}"
}
