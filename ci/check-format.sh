#!/usr/bin/env bash
# Fails when a C++ file is not formatted as .clang-format says (ci/format.sh fixes it).
set -euo pipefail
cd "$(dirname "$0")/.."
git ls-files '*.cc' '*.h' | xargs clang-format --dry-run --Werror
echo "ci/check-format.sh: all C++ files are formatted"
