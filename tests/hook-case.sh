# Sourced by the pre-commit tests (tests/pre-commit.sh, tests/pre-commit-python.sh): the
# throw-away project repository they run a hook in, and the case every hook must pass.

# Makes a git repository at $1 with an adrlint.toml (framework-user) and an over-reaching ADR,
# and enters it. The caller adds its own files and runs `git add -A`.
hook_repo() {
  mkdir -p "$1/docs/adr"
  cd "$1"
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
}

# Runs the hook command "$@" (in the repository hook_repo made): it must fail on the
# over-reaching ADR, showing the diagnostic and its span, then pass once the ADR is clean.
# $HOOK_LOG is where the failing run's output goes.
hook_fails_then_passes() {
  local status
  set +e
  "$@" >"$HOOK_LOG" 2>&1
  status=$?
  set -e
  cat "$HOOK_LOG"
  if [ "$status" -eq 0 ]; then
    echo "FAIL: the hook passed on an over-reaching ADR" >&2
    exit 1
  fi
  grep -q "error\[own-scheduler\]" "$HOOK_LOG" || { echo "FAIL: the diagnostic was not shown" >&2; exit 1; }
  grep -q "docs/adr/0001-scheduling.md:9:9" "$HOOK_LOG" || { echo "FAIL: the span was not shown" >&2; exit 1; }
  cat > docs/adr/0001-scheduling.md <<'ADR'
# 1. Scheduling

## Status

Accepted

## Decision

We will run the nightly batch on the platform team's Nomad cluster.
ADR
  git add -A
  "$@"
}
