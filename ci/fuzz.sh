#!/usr/bin/env bash
# Builds the libFuzzer target (tests/fuzz) with clang, ASan and UBSan, and runs
# it for a bounded time from a seed corpus: the fixture posts, the examples
# and every earlier finding (tests/regressions/).
# Usage: ci/fuzz.sh [SECONDS]   (default 180)
# Fails on a crash, a leak, an input slower than 1 s, more than 2 GiB of
# memory, or a broken whole-path promise (tests/fuzz/whole_path.h). The input
# is then minimized into $FUZZ_BUILD_DIR/findings/ with the command that keeps
# it in tests/regressions/, which the normal test suite replays.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-180}"
build_dir="${FUZZ_BUILD_DIR:-build-fuzz}"

ci/setup.sh --sanitizers
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DDIGESTLINT_FUZZ=ON >/dev/null
cmake --build "$build_dir" --target digestlint_fuzz

seeds="$build_dir/seeds"
corpus="$build_dir/corpus"
findings="$build_dir/findings"
rm -rf "$seeds" "$findings"
mkdir -p "$seeds" "$corpus" "$findings"
# Named after their paths: many fixture folders have a clean.md.
while IFS= read -r -d '' seed; do
  cp "$seed" "$seeds/${seed//\//_}"
done < <(find tests/fixtures examples -type f -name '*.md' -print0; find tests/regressions -type f ! -name README.md -print0)

echo "ci/fuzz.sh: fuzzing for $seconds s (log: $build_dir/fuzz.log)" >&2
status=0
"$build_dir/tests/digestlint_fuzz" -max_total_time="$seconds" -timeout=1 -rss_limit_mb=2048 -max_len=131072 \
  -print_final_stats=1 -artifact_prefix="$findings/" "$corpus" "$seeds" >"$build_dir/fuzz.log" 2>&1 || status=$?
# The log without libFuzzer's per-input progress lines: the start, the end, any finding.
grep -v -E '^#[0-9]+[[:space:]]+(NEW|REDUCE|pulse)' "$build_dir/fuzz.log" | tail -n 60 >&2
if ((status == 0)); then
  exit 0
fi

for finding in "$findings"/*; do
  [[ -f "$finding" && "$finding" != *.min ]] || continue
  "$build_dir/tests/digestlint_fuzz" -minimize_crash=1 -max_total_time=120 -timeout=1 \
    -exact_artifact_path="$finding.min" "$finding" >/dev/null 2>&1 || true
  [[ -f "$finding.min" ]] || cp "$finding" "$finding.min"
  echo "ci/fuzz.sh: finding $finding, minimized to $finding.min; keep it with:" >&2
  echo "  cp $finding.min tests/regressions/$(basename "$finding")" >&2
done
echo "ci/fuzz.sh: the fuzzer failed (status $status); see $build_dir/fuzz.log" >&2
exit 1
