// libFuzzer entry point: ci/fuzz.sh builds it with ASan and UBSan. A broken
// promise aborts, so libFuzzer saves the input as a crash.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "whole_path.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  if (const auto broken = digestlint::fuzz::CheckWholePath(bytes)) {
    std::fprintf(stderr, "digestlint whole-path check failed: %s\n", broken->c_str());
    std::abort();
  }
  return 0;
}
