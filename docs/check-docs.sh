#!/usr/bin/env bash
# Fails when docs/Dialects/NN.md differs from what the ODS records generate.
# Usage: check-docs.sh <generated .md> <committed .md>
set -u
if ! cmp -s "$1" "$2"; then
  diff -u "$2" "$1" | head -40
  echo "docs/Dialects/NN.md is stale: run 'cmake --build build --target nn-update-docs' and commit it" >&2
  exit 1
fi
echo "docs up to date"
