#!/usr/bin/env bash
# Latency of `digestlint server`: from an editor's last change to the
# diagnostics it gets back, on a ~300-line post (bench/lsp_latency.cc).
# Usage: bench/lsp.sh [EDITS]   (default 300; builds Release in build-bench/)
set -euo pipefail
cd "$(dirname "$0")/.."
ci/setup.sh
cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build-bench --target digestlint digestlint-lsp-bench >/dev/null
echo "# $(date -u +%Y-%m-%d), $(uname -m), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
build-bench/tests/digestlint-lsp-bench build-bench/digestlint "${1:-300}"
