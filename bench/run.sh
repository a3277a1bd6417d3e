#!/usr/bin/env bash
# Benchmarks digestlint against markdownlint-cli2, rumdl, cmark (the parse
# floor) and cat (the I/O floor) on generated corpora, in one run on one
# machine, and prints wall time, CPU time, peak memory and ratios.
#
# Usage: bench/run.sh [POSTS]     (default 10000; a 1,000-post corpus is always measured too)
# Needs: npm (markdownlint-cli2 and rumdl are installed into a temporary folder),
# and Debian's cmark and hyperfine (installed when missing, as root).
set -euo pipefail
cd "$(dirname "$0")/.."
posts="${1:-10000}"
work=$(mktemp -d /tmp/digestlint-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT

ci/setup.sh
cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build-bench --target digestlint digestlint-genposts >/dev/null
digestlint="$PWD/build-bench/digestlint"
genposts="$PWD/build-bench/tests/digestlint-genposts"

missing=()
for tool in cmark hyperfine; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if ((${#missing[@]})); then
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "installing markdownlint-cli2 and rumdl into $work/tools ..." >&2
npm install --silent --no-audit --no-fund --prefix "$work/tools" markdownlint-cli2 rumdl >/dev/null
markdownlint="$work/tools/node_modules/.bin/markdownlint-cli2"
rumdl="$work/tools/node_modules/.bin/rumdl"

echo "generating corpora ..." >&2
"$genposts" --seed 1 --count "$posts" --out "$work/large" --body-scale 3
"$genposts" --seed 2 --count 1000 --out "$work/small" --body-scale 3
rm "$work/large/truth.jsonl" "$work/small/truth.jsonl"
small_posts=("$work"/small/*.md)
one_post=${small_posts[0]}

cores=$(nproc)
echo "# digestlint benchmark, $(date -u +%Y-%m-%d), $(uname -m), $cores cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
for corpus in large small; do
  dir="$work/$corpus"
  echo
  echo "## $(ls "$dir" | wc -l) posts, $(du -sh "$dir" | cut -f1)"
  printf 'tool\twall_s\tcpu_s\tpeak_MiB\texit\n'
  python3 bench/measure.py 1 \
    "digestlint=$digestlint --no-config -q $dir" \
    "digestlint -j 1=$digestlint --no-config -q -j 1 $dir" \
    "rumdl check --no-cache=$rumdl check --no-cache $dir" \
    "markdownlint-cli2=$markdownlint '$dir/**/*.md'" \
    "cmark (parse floor)=find $dir -name '*.md' -print0 | xargs -0 cmark" \
    "cat (I/O floor)=find $dir -name '*.md' -print0 | xargs -0 cat" | tee "$work/$corpus.tsv"
  python3 - "$work/$corpus.tsv" <<'PY'
import sys
rows = {}
for line in open(sys.argv[1]):
    name, wall, cpu, mem, _ = line.rstrip("\n").split("\t")
    rows[name] = (float(wall), float(cpu), float(mem))
d, d1 = rows["digestlint"], rows["digestlint -j 1"]
print()
for peer in ["rumdl check --no-cache", "markdownlint-cli2", "cmark (parse floor)", "cat (I/O floor)"]:
    p = rows[peer]
    print(f"{peer}: wall {p[0] / d[0]:.1f}x digestlint's, memory {p[2] / d[2]:.1f}x; "
          f"digestlint -j 1 CPU / {peer} CPU = {d1[1] / p[1]:.2f}")
PY
done

echo
echo "## one post (the pre-commit case), mean of hyperfine runs"
hyperfine --warmup 3 --runs 30 --ignore-failure --export-markdown "$work/one.md" -N \
  "$digestlint --no-config -q $one_post" \
  "$rumdl check --no-cache $one_post" \
  "$markdownlint $one_post" >/dev/null 2>&1 || true
cat "$work/one.md"
