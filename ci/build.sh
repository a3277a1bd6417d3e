#!/usr/bin/env bash
# Configures and builds digestlint in build/ (or $BUILD_DIR).
# Usage: ci/build.sh [--binary] [CMAKE OPTIONS...]
#   --binary  only the digestlint binary, its man page and shell completions (no test suite)
# Without --binary the test suite is built too.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${BUILD_DIR:-build}"
tests=ON
if [[ "${1:-}" == "--binary" ]]; then
  tests=OFF
  shift
fi
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}" -DDIGESTLINT_TESTS="$tests" \
  "$@" >/dev/null
cmake --build "$build_dir"
