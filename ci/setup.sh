#!/usr/bin/env bash
# Installs the Debian packages digestlint needs to build and test, when missing.
# Usage: ci/setup.sh [--tools] [--sanitizers]
#   --tools       clang-format and clang-tidy, for the CI checks
#   --sanitizers  clang with its runtimes, for ci/sanitize.sh and ci/fuzz.sh
set -euo pipefail

# Build: compiler, CMake, libraries (libgit2-dev: its headers to build, its shared library
# loaded at run time for .gitignore). Tests: patch (--diff), git and pre-commit (the hook test),
# python3-jsonschema (SARIF validation), dpkg-dev (the Debian package test), chromium (the HTML
# report opened headless), neovim (the LSP end-to-end test).
packages=(g++ cmake ninja-build pkg-config libcmark-dev libyaml-cpp-dev nlohmann-json3-dev libre2-dev catch2
          libvalijson-dev libgit2-dev patch git pre-commit python3-jsonschema dpkg-dev file chromium neovim)
for option in "$@"; do
  case "$option" in
    --tools) packages+=(clang-format clang-tidy) ;;
    --sanitizers) packages+=(clang libclang-rt-14-dev) ;;
    *) echo "ci/setup.sh: unknown option $option" >&2; exit 2 ;;
  esac
done

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
