// Replays, through the fuzzer's whole-path check (tests/fuzz/whole_path.h),
// every input the fuzzer ever found (tests/regressions/) and every fixture
// post (the fuzzer's seed corpus), so a fixed crash stays fixed.
#include <catch2/catch.hpp>

#include "test_support.h"
#include "whole_path.h"

namespace digestlint {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::SourceDir;

std::vector<fs::path> FilesUnder(const fs::path& folder) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST_CASE("every input the fuzzer found passes the whole-path check", "[robustness][regression]") {
  const std::vector<fs::path> inputs = FilesUnder(SourceDir() / "tests/regressions");
  REQUIRE(inputs.size() > 1);  // the README and at least one finding
  for (const fs::path& input : inputs) {
    INFO(input.filename().string());
    CHECK(fuzz::CheckWholePath(ReadFile(input)).value_or("") == "");
  }
}

TEST_CASE("every fixture post passes the whole-path check", "[robustness][regression]") {
  size_t checked = 0;
  for (const char* folder : {"tests/fixtures", "examples"}) {
    for (const fs::path& post : FilesUnder(SourceDir() / folder)) {
      if (post.extension() != ".md") continue;
      INFO(post.string());
      CHECK(fuzz::CheckWholePath(ReadFile(post)).value_or("") == "");
      ++checked;
    }
  }
  CHECK(checked > 90);
}

}  // namespace
}  // namespace digestlint
