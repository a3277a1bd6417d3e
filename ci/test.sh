#!/usr/bin/env bash
# Builds digestlint and its test suite, and runs the whole suite through CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
ci/setup.sh
ci/build.sh
ctest --test-dir "${BUILD_DIR:-build}" --output-on-failure -j "$(nproc)"
