#!/usr/bin/env bash
# Regenerates what is derived from the rules' declarations and documentation:
# rules/README.md (the rules reference) and the rule table in README.md
# (between the rules-table markers). The test suite fails when either is stale.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -x build/digestlint ]] || ci/build.sh
# From build/: in the repository's root, the word "rules" also names the folder (digestlint warns).
(cd build && ./digestlint rules --no-config --format markdown) > rules/README.md
# The reference's table, its links pointing into rules/README.md.
table=$(awk '/^\| code \|/ {on = 1} on && !/^\|/ {exit} on {print}' rules/README.md | sed 's/](#/](rules\/README.md#/g')
awk -v table="$table" '
  /<!-- rules-table:begin/ {print; print table; skipping = 1; next}
  /<!-- rules-table:end/ {skipping = 0}
  !skipping {print}
' README.md > README.md.new
mv README.md.new README.md
echo "ci/generate-rules-reference.sh: wrote rules/README.md and the rule table in README.md"
