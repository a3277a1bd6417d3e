#!/usr/bin/env bash
# Installs the Debian packages digestlint needs to build and test, when missing.
# Usage: ci/setup.sh [--tools]   (--tools adds clang-format and clang-tidy for the CI checks)
set -euo pipefail

# Build: compiler, CMake, libraries. Tests: patch (--diff), git and pre-commit (the hook test),
# python3-jsonschema (SARIF validation), dpkg-dev (the Debian package test).
packages=(g++ cmake ninja-build pkg-config libcmark-dev libyaml-cpp-dev nlohmann-json3-dev libre2-dev catch2
          libvalijson-dev patch git pre-commit python3-jsonschema dpkg-dev file)
if [[ "${1:-}" == "--tools" ]]; then
  packages+=(clang-format clang-tidy)
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
