#!/usr/bin/env bash
# Builds digestlint and its whole test suite with clang, AddressSanitizer
# (with LeakSanitizer) and UndefinedBehaviorSanitizer, and runs it: any
# finding stops the process, so the test that caused it fails.
# Usage: ci/sanitize.sh   (build folder: $SANITIZE_BUILD_DIR, default build-sanitize)
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${SANITIZE_BUILD_DIR:-build-sanitize}"

ci/setup.sh --sanitizers
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DDIGESTLINT_SANITIZE=ON >/dev/null
cmake --build "$build_dir"
export ASAN_OPTIONS="detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
ctest --test-dir "$build_dir" --output-on-failure -j "$(nproc)"
