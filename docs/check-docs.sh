#!/usr/bin/env bash
# Fails when a committed reference doc differs from what the ODS and pass
# records generate; with --update, copies the generated ones over instead.
# Usage: check-docs.sh [--update] <generated .md> <committed .md> [...]
set -u
update=0
if [ "${1:-}" = "--update" ]; then
  update=1
  shift
fi
status=0
while [ $# -ge 2 ]; do
  generated=$1 committed=$2
  shift 2
  if [ $update -eq 1 ]; then
    mkdir -p "$(dirname "$committed")"
    cp "$generated" "$committed"
  elif ! cmp -s "$generated" "$committed"; then
    diff -u "$committed" "$generated" | head -40
    echo "$committed is stale: run 'cmake --build build --target nn-update-docs' and commit it" >&2
    status=1
  fi
done
[ $status -eq 0 ] && [ $update -eq 0 ] && echo "docs up to date"
exit $status
