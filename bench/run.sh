#!/usr/bin/env bash
# Benchmarks digestlint against rumdl, markdownlint-cli2, cmark (the parse
# floor) and cat (the I/O floor) on generated corpora, in one run on one
# machine, and prints wall time, CPU time, peak memory, the ratios and the
# verdicts on the targets of the performance issue, with the load average.
#
# Usage: bench/run.sh [POSTS]     (default 10000)
#   - two corpora of POSTS posts (digestlint-genposts --body-scale 3): one with
#     faults (the generator's default rate) and one clean (--fault-rate 0);
#   - each tool: one warm-up run, then the best of 3 (fastest wall, smallest
#     CPU, largest peak memory); markdownlint-cli2, a hundred times slower,
#     runs once, on the faulty corpus only (SKIP_MARKDOWNLINT=1 skips it);
#   - cmark and cat run in one process over all files (xargs batches only when
#     the names exceed ARG_MAX, and the output says so);
#   - peak memory of every output format on the faulty corpus, and again on a
#     corpus of 10 x POSTS posts generated for it and deleted after;
#   - one post, process start to exit (hyperfine, 30 runs, the median).
# Needs: npm (markdownlint-cli2 and rumdl are installed into a temporary folder),
# Debian's cmark, hyperfine and time (GNU time: peak memory); each is installed with apt-get when missing.
# DIGESTLINT=path/to/digestlint and GENPOSTS=path/to/digestlint-genposts use
# existing binaries instead of a Release build in build-bench/.
set -euo pipefail
cd "$(dirname "$0")/.."
posts="${1:-10000}"
work=$(mktemp -d /tmp/digestlint-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT
measure() { python3 "$PWD/bench/measure.py" "$@"; }
load() { echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"; }

if [[ -z "${DIGESTLINT:-}" || -z "${GENPOSTS:-}" ]]; then
  ci/setup.sh
  cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build-bench -j 2 --target digestlint digestlint-genposts >/dev/null
  DIGESTLINT="$PWD/build-bench/digestlint"
  GENPOSTS="$PWD/build-bench/tests/digestlint-genposts"
fi

missing=()
for tool in cmark hyperfine npm; do command -v "$tool" >/dev/null || missing+=("$tool"); done
[[ -x /usr/bin/time ]] || missing+=(time)  # GNU time: peak memory (bench/measure.py)
if ((${#missing[@]})); then
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "installing markdownlint-cli2 and rumdl into $work/tools ..." >&2
npm install --silent --no-audit --no-fund --prefix "$work/tools" markdownlint-cli2 rumdl >/dev/null
markdownlint="$work/tools/node_modules/.bin/markdownlint-cli2"
rumdl="$work/tools/node_modules/.bin/rumdl"

# generate DIR COUNT SEED [--fault-rate P]: COUNT posts into DIR; prints how many have faults.
generate() {
  local dir=$1 count=$2 seed=$3
  shift 3
  "$GENPOSTS" --seed "$seed" --count "$count" --out "$dir" --body-scale 3 "$@"
  grep -c '"faults":\[{' "$dir/truth.jsonl" || true
  rm "$dir/truth.jsonl"
}

# one_process TOOL DIR: a command running TOOL over all of DIR's posts in one
# process, when their names fit in ARG_MAX (with room for the environment).
one_process() {
  local tool=$1 dir=$2
  if (($(ls "$dir" | wc -c) < $(getconf ARG_MAX) / 2)); then
    echo "cd $dir && exec $tool *.md"
  else
    echo "batching $tool with xargs: the names exceed ARG_MAX" >&2
    printf '%s\n' "cd $dir && printf '%s\\0' *.md | xargs -0 $tool"
  fi
}

echo "generating corpora ..." >&2
faulty_posts=$(generate "$work/faulty" "$posts" 1)
generate "$work/clean" "$posts" 2 --fault-rate 0 >/dev/null
faulty_files=("$work"/faulty/*.md)  # not `ls | head`: under pipefail, ls's SIGPIPE would end the script
one_post=${faulty_files[0]}

echo "# digestlint benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(uname -m), $(nproc) cores," \
  "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/^Mem:/ {print $2}') GiB"
echo "$("$DIGESTLINT" --version), $($rumdl --version)," \
  "markdownlint-cli2 $(npm ls --prefix "$work/tools" --depth 0 markdownlint-cli2 | grep -o 'markdownlint-cli2@[^ ]*' | cut -d@ -f2)," \
  "$(cmark --version | sed -n 1p)"
echo "Each tool: one warm-up run, then the best of 3 (fastest wall, smallest CPU, largest peak)."
load
for corpus in faulty clean; do
  dir="$work/$corpus"
  diagnostics=$("$DIGESTLINT" --no-config -q --format concise "$dir" | wc -l || true)
  echo
  echo "## $corpus: $(ls "$dir" | wc -l) posts, $(du -sh "$dir" | cut -f1)," \
    "$([[ $corpus == faulty ]] && echo "$faulty_posts with injected faults, ")$diagnostics diagnostics"
  printf 'tool\twall_s\tcpu_s\tpeak_MiB\texit\n'
  measure run --warmup 1 --repeats 3 \
    "digestlint=$DIGESTLINT --no-config -q $dir" \
    "digestlint -j 1=$DIGESTLINT --no-config -q -j 1 $dir" \
    "rumdl check --no-cache=$rumdl check --no-cache $dir" \
    "cmark (parse floor)=$(one_process cmark "$dir")" \
    "cat (I/O floor)=$(one_process cat "$dir")" | tee "$work/$corpus.tsv"
  if [[ $corpus == faulty && -z "${SKIP_MARKDOWNLINT:-}" ]]; then
    measure run "markdownlint-cli2 (1 run)=$markdownlint '$dir/**/*.md'" | tee -a "$work/$corpus.tsv"
  fi
  echo
  measure ratios "$work/$corpus.tsv"
  load
done

# memory DIR REPEATS: the peak of every output format over DIR (default jobs).
memory() {
  local dir=$1 repeats=$2 format status specs=()
  for format in human concise json sarif github junit gitlab rdjson; do
    # A format this build does not have is a usage error (exit 2) on any post.
    "$DIGESTLINT" --no-config -q --format "$format" "$one_post" >/dev/null 2>&1 && status=0 || status=$?
    ((status != 2)) && specs+=("--format $format=$DIGESTLINT --no-config -q --format $format $dir")
  done
  measure run --repeats "$repeats" "${specs[@]}"
}

echo
echo "## peak memory per output format, faulty corpus ($posts posts), best of 3"
printf 'format\twall_s\tcpu_s\tpeak_MiB\texit\n'
memory "$work/faulty" 3 | tee "$work/memory.tsv"
growth_posts=$((posts * 10))
echo
echo "## the same on $growth_posts posts with faults (generated for this run, deleted after), 1 run each"
rm -rf "$work/clean"
generate "$work/growth" "$growth_posts" 3 >/dev/null
du -sh "$work/growth" | cut -f1
printf 'format\twall_s\tcpu_s\tpeak_MiB\texit\n'
memory "$work/growth" 1 | tee "$work/memory-growth.tsv"
rm -rf "$work/growth"
echo
measure memory "$work/memory.tsv" "$work/memory-growth.tsv"
load

echo
echo "## one post (the pre-commit case), process start to exit: hyperfine, 3 warm-ups, 30 runs"
hyperfine --warmup 3 --runs 30 --ignore-failure -N --export-json "$work/one.json" \
  --command-name "digestlint" "$DIGESTLINT --no-config -q $one_post" \
  --command-name "rumdl check --no-cache" "$rumdl check --no-cache $one_post" \
  --command-name "markdownlint-cli2" "$markdownlint $one_post" \
  --command-name "cat (process floor)" "cat $one_post" >/dev/null 2>&1 || true
measure medians "$work/one.json"
load
