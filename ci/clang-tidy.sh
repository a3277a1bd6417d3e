#!/usr/bin/env bash
# Runs clang-tidy (.clang-tidy, warnings are errors) over the project's sources.
set -uo pipefail
cd "$(dirname "$0")/.."
build_dir="${BUILD_DIR:-build}"
[[ -f "$build_dir/compile_commands.json" ]] || ci/build.sh || exit 1
log=$(mktemp)
trap 'rm -f "$log"' EXIT
run-clang-tidy -p "$build_dir" -j "$(nproc)" -quiet '/(src|rules|tests/generator)/' >"$log" 2>&1
status=$?
grep -v -E '^[0-9]+ warnings? generated|^Suppressed|^Use -header-filter|^clang-tidy-[0-9]+ ' "$log" || true
if ((status != 0)); then
  echo "ci/clang-tidy.sh: clang-tidy found problems (see above)" >&2
  exit 1
fi
echo "ci/clang-tidy.sh: no findings"
