#!/usr/bin/env bash
# Installs the Debian packages digestlint needs to build and test, when missing.
# Usage: ci/setup.sh [--tools]   (--tools adds clang-format, clang-tidy and the
# Python JSON Schema validator used by CI checks)
set -euo pipefail

packages=(g++ cmake ninja-build pkg-config libcmark-dev libyaml-cpp-dev nlohmann-json3-dev libre2-dev catch2
          libvalijson-dev patch)
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
