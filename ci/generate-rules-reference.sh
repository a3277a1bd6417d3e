#!/usr/bin/env bash
# Regenerates rules/README.md, the rules reference, from the rules' declarations
# and documentation. The test suite fails when the committed page is stale.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -x build/digestlint ]] || ci/build.sh
build/digestlint rules --no-config --format markdown > rules/README.md
echo "ci/generate-rules-reference.sh: wrote rules/README.md"
