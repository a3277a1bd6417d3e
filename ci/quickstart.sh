#!/usr/bin/env bash
# Sets everything up on a fresh Debian machine, builds the digestlint binary
# (not the test suite: ci/test.sh builds that), and lints the posts in examples/.
set -euo pipefail
cd "$(dirname "$0")/.."
ci/setup.sh --binary
ci/build.sh --binary
echo "+ build/digestlint -- examples/" >&2
status=0
build/digestlint -- examples/ || status=$?
case $status in
  0) echo "ci/quickstart.sh: digestlint exited 0: no errors (warnings do not fail)" >&2 ;;
  1) echo "ci/quickstart.sh: digestlint exited 1: the example posts have errors, as shown above" >&2 ;;
  *) echo "ci/quickstart.sh: digestlint exited $status: a post could not be linted" >&2; exit "$status" ;;
esac
