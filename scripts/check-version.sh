#!/usr/bin/env bash
# Fails unless a release tag names Cargo.toml's version: `v0.1.0` for version = "0.1.0". The
# wheel's version comes from Cargo.toml too (pyproject.toml: dynamic), so one check covers both.
# Usage: scripts/check-version.sh [TAG]   (default: $GITHUB_REF_NAME; refs/tags/ is stripped)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tag=${1:-${GITHUB_REF_NAME:-}}
tag=${tag#refs/tags/}
if [ -z "$tag" ]; then
  echo "usage: scripts/check-version.sh TAG (or set GITHUB_REF_NAME)" >&2
  exit 2
fi
version=$(sed -n '/^\[package\]/,/^\[/s/^version = "\(.*\)"$/\1/p' "$root/Cargo.toml" | head -n 1)
if [ -z "$version" ]; then
  echo "no version in $root/Cargo.toml's [package]" >&2
  exit 2
fi
if [ "$tag" != "v$version" ]; then
  echo "error: tag '$tag' does not match Cargo.toml's version $version (expected tag v$version)" >&2
  exit 1
fi
if ! grep -q '^dynamic = \[.*"version".*\]' "$root/pyproject.toml"; then
  echo "error: pyproject.toml must take its version from Cargo.toml (dynamic = [\"version\"])" >&2
  exit 1
fi
echo "tag $tag matches Cargo.toml's version $version"
