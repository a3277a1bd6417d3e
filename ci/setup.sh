#!/usr/bin/env bash
# Installs the Debian packages digestlint needs to build and test, when missing.
# Usage: ci/setup.sh [--binary] [--tools] [--sanitizers] [--package]
#   --binary      only what building the digestlint binary needs (ci/quickstart.sh, releases)
#   --tools       clang-format and clang-tidy, for the CI checks
#   --sanitizers  clang with its runtimes, for ci/sanitize.sh and ci/fuzz.sh
#   --package     dpkg-dev and file, for the Debian package (ci/release.sh)
set -euo pipefail

# The binary: compiler, CMake, libraries (each with its static archive, for DIGESTLINT_STATIC; libgit2-dev:
# its headers to build, its shared library loaded at run time for .gitignore).
binary=(g++ cmake ninja-build pkg-config libcmark-dev libyaml-cpp-dev nlohmann-json3-dev libre2-dev libutf8proc-dev
        libvalijson-dev libgit2-dev)
# The tests: Catch2, patch (--diff), git and pre-commit (the hook test), python3-jsonschema (SARIF
# validation), dpkg-dev and file (the Debian package test), time (memory ceilings), zsh and fish
# (the completion scripts), chromium (the HTML report opened headless), neovim (the LSP end-to-end test).
tests=(catch2 patch git pre-commit python3-jsonschema dpkg-dev file time zsh fish chromium neovim)
packages=("${binary[@]}")
with_tests=true
for option in "$@"; do
  case "$option" in
    --binary) with_tests=false ;;
    --tools) packages+=(clang-format clang-tidy) ;;
    --sanitizers) packages+=(clang libclang-rt-14-dev) ;;
    --package) packages+=(dpkg-dev file) ;;
    *) echo "ci/setup.sh: unknown option $option" >&2; exit 2 ;;
  esac
done
if $with_tests; then
  packages+=("${tests[@]}")
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]} == 0)); then
  exit 0
fi

sudo=""
if [[ $(id -u) -ne 0 ]]; then
  sudo="sudo"
fi
echo "ci/setup.sh: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
