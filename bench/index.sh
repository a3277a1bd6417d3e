#!/usr/bin/env bash
# The pre-commit case on a large site: one named post, compared with 10,000
# others through the site index. Prints the cold run (no cache), the warm run
# (every other post from .digestlint-cache/index), the same post linted alone
# (--no-config: no site) and the cost of a stat per post (find), with
# hyperfine, plus the machine's load; then the HTML report of the site: its
# size, the time to write it and the time headless Chromium takes to load it.
#
# Usage: bench/index.sh [POSTS]   (default 10000)
# DIGESTLINT=path/to/digestlint and GENPOSTS=path/to/digestlint-genposts use
# existing binaries instead of a Release build in build-bench/.
set -euo pipefail
cd "$(dirname "$0")/.."
posts="${1:-10000}"
work=$(mktemp -d /tmp/digestlint-index-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT

if [[ -z "${DIGESTLINT:-}" || -z "${GENPOSTS:-}" ]]; then
  ci/setup.sh
  cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build-bench --target digestlint digestlint-genposts >/dev/null
  DIGESTLINT="$PWD/build-bench/digestlint"
  GENPOSTS="$PWD/build-bench/tests/digestlint-genposts"
fi
command -v hyperfine >/dev/null || apt-get install -y -qq --no-install-recommends hyperfine >/dev/null

site="$work/site"
mkdir -p "$site/_posts"
"$GENPOSTS" --seed 1 --count "$posts" --out "$site/_posts" --body-scale 3 >/dev/null
rm "$site/_posts/truth.jsonl"
printf 'series:\n  cadence: daily\n' >"$site/.digestlint.yaml"
# The new post: the last one again, a day later (so it repeats its papers).
last=$(ls "$site/_posts" | tail -1)
day=$(date -d "${last:0:10} + 1 day" +%F)
sed "s/${last:0:10}/$day/g" "$site/_posts/$last" >"$site/_posts/$day-new.md"
new="_posts/$day-new.md"
cd "$site"

echo "# digestlint site index, $(date -u +%Y-%m-%d), $(uname -m), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$(ls _posts | wc -l) posts, $(du -sh _posts | cut -f1); the named post: $new"
start=$(date +%s%N)
"$DIGESTLINT" -q "$new" >/dev/null || true
echo "cold run (builds the index and its cache): $(( ($(date +%s%N) - start) / 1000000 )) ms;" \
  "cache $(du -h .digestlint-cache/index | cut -f1)"
sleep 2.5  # entries younger than 2 s before the cache was written are hashed again ("racily clean")
"$DIGESTLINT" -q "$new" >/dev/null || true
echo
hyperfine --warmup 3 --runs 30 --ignore-failure -N --export-markdown "$work/one.md" \
  --command-name "warm index, one named post" "$DIGESTLINT -q $new" \
  --command-name "no config (the post alone, no site)" "$DIGESTLINT -q --no-config $new" \
  --command-name "find -newer (a stat per post: the floor)" "find _posts -newer .digestlint.yaml" >/dev/null 2>&1 || true
hyperfine --runs 3 --ignore-failure -N --export-markdown "$work/cold.md" \
  --command-name "no cache (the index built from the posts)" "$DIGESTLINT -q --no-cache $new" >/dev/null 2>&1 || true
tail -1 "$work/cold.md" >>"$work/one.md"
cat "$work/one.md"
echo
echo "CPU time (user + system) of the warm run, best of 10:"
python3 "$OLDPWD/bench/measure.py" run --repeats 10 "warm=$DIGESTLINT -q $new" |
  awk -F'\t' '{print "  fastest wall " $2 " s, smallest CPU " $3 " s, largest peak " $4 " MiB"}'

echo
echo "## the HTML report of the whole site"
start=$(date +%s%N)
"$DIGESTLINT" report . -o "$work/report.html" 2>&1 | tail -1
echo "written in $(( ($(date +%s%N) - start) / 1000000 )) ms, $(du -h "$work/report.html" | cut -f1)"
if command -v chromium >/dev/null; then
  render() {  # wall ms of chromium --dump-dom on a page, with a fresh profile
    local profile start
    profile=$(mktemp -d "$work/profile-XXXXXX")
    start=$(date +%s%N)
    timeout 300 chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
      --disable-component-update --disable-sync --no-first-run --user-data-dir="$profile" \
      --dump-dom "file://$1" >/dev/null 2>&1 || true
    echo $(( ($(date +%s%N) - start) / 1000000 ))
  }
  printf '<!DOCTYPE html><html lang="en"><title>x</title><p>x</p></html>' >"$work/empty.html"
  echo "chromium --dump-dom: the report $(render "$work/report.html") ms, an empty page $(render "$work/empty.html") ms"
fi
