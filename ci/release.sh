#!/usr/bin/env bash
# Builds the release artifacts into OUT (default dist/): the binary (every
# library but glibc linked in) with its man page and shell completions as
# digestlint-VERSION-ARCH-linux.tar.gz, the Debian package, and SHA256SUMS.
# .github/workflows/release.yml runs it on a tag, on Debian bookworm (the
# libraries the project is tested with).
# Usage: ci/release.sh [--from BUILD_DIR] [OUT]
#   --from BUILD_DIR  package that build instead of making a Release build in
#                     $RELEASE_BUILD_DIR (default build-release); the tests use it
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${RELEASE_BUILD_DIR:-build-release}"
build=true
if [[ "${1:-}" == "--from" ]]; then
  build_dir="$2"
  build=false
  shift 2
fi
out="$(mkdir -p "${1:-dist}" && cd "${1:-dist}" && pwd)"

if $build; then
  ci/setup.sh --binary --package
  cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DDIGESTLINT_TESTS=OFF -DDIGESTLINT_STATIC=ON \
    ${DIGESTLINT_REPOSITORY_URL:+"-DDIGESTLINT_REPOSITORY_URL=$DIGESTLINT_REPOSITORY_URL"} >/dev/null
  cmake --build "$build_dir"
fi

version=$("$build_dir/digestlint" --version | cut -d' ' -f2)
name="digestlint-$version-$(uname -m)-linux"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cmake --install "$build_dir" --prefix "$stage/$name" >/dev/null
cp README.md "$stage/$name/"
tar -C "$stage" -czf "$out/$name.tar.gz" "$name"
cpack -G DEB -B "$stage/deb" --config "$build_dir/CPackConfig.cmake" >/dev/null
cp "$stage"/deb/*.deb "$out/"
(cd "$out" && sha256sum "$name.tar.gz" ./*.deb | sed 's| \./| |' >SHA256SUMS)
echo "ci/release.sh: wrote $(cd "$out" && ls | tr '\n' ' ')in $out" >&2
