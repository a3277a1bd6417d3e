// Memory ceilings, measured with wait4's rusage in a child process (never a
// timing): inputs that once needed memory quadratic in their size, or without
// bound, now stay within a fixed ceiling. Each says what it used before.
#include <catch2/catch.hpp>

#include "post_generator.h"
#include "test_support.h"

namespace digestlint {
namespace {

namespace fs = std::filesystem;
using testing::RunMeasured;
using testing::ShellQuote;
using testing::TempDir;
using testing::WriteFile;

const std::string kFrontMatter =
    "---\nlayout: post\ntitle: \"Daily Papers — 2025-10-27\"\ndate: 2025-10-27 08:15:00\ntags: [papers]\n"
    "categories: []\n---\n\n";

// One paper; `title` goes between the brackets of its heading.
std::string Paper(int number, const std::string& title) {
  const std::string id = "2510." + std::to_string(10000 + number);
  return "# " + std::to_string(number) + ". [" + title + "](https://arxiv.org/abs/" + id +
         ")\n\n> [Alphaxiv](https://www.alphaxiv.org/ko/overview/" + id +
         ")\n\n## Introduction\n- Goal: g.\n- Motivation: m.\n- Contribution: c.\n\n## Method\nm\n\n## Results\nr\n\n"
         "## Limitations\nl\n\n## Conclusion\nc\n\n";
}

// Under AddressSanitizer freed memory waits in a 256 MiB quarantine before it is
// reused, and resident memory would measure the quarantine; a small one
// measures digestlint.
std::string Binary() {
  return std::string(DIGESTLINT_SANITIZED ? "ASAN_OPTIONS=\"$ASAN_OPTIONS:quarantine_size_mb=1\" " : "") +
         ShellQuote(DIGESTLINT_BINARY);
}

constexpr long kCeilingKb = 160 * 1024;  // the binary lints a 1 MB post in a few tens of MiB

TEST_CASE("thousands of diagnostics on one long line need no copy of the line each", "[memory][regression][slow]") {
  // A 97 KB title with 33,000 runs of two spaces: 33,000 DL501 diagnostics on one
  // line. Each used to keep a copy of its line: over 4 GB.
  TempDir dir;
  std::string title = "a";
  for (int i = 0; i < 33000; ++i) title += "  a";
  const std::string post = kFrontMatter + Paper(1, title);
  REQUIRE(post.size() > 96 * 1024);
  WriteFile(dir.path() / "2025-10-27-long-line.md", post);
  const std::string file = ShellQuote((dir.path() / "2025-10-27-long-line.md").string());
  const auto human = RunMeasured(Binary() + " --no-config " + file + " > /dev/null 2>&1");
  CHECK(human.status == 0);  // warnings only
  CHECK(human.max_rss_kb < kCeilingKb);
  const auto json = RunMeasured(Binary() + " --no-config --format=json " + file + " > /dev/null 2>&1");
  CHECK(json.status == 0);
  CHECK(json.max_rss_kb < kCeilingKb);
  // Each snippet is a window around its column, not the 97 KB line.
  const auto lines = RunMeasured(Binary() + " --no-config " + file + " 2>/dev/null | awk 'length > 400' | grep -q .");
  CHECK(lines.status == 1);  // grep found no line longer than 400 bytes
}

TEST_CASE("option --diff diffs only the changed regions, in linear memory", "[memory][regression][slow]") {
  // 3,000 papers, each title with a run of spaces: a 750 KB post with 3,000
  // fixes. Diffing the whole file kept a trace of quadratic size: 5.9 GB.
  TempDir dir;
  std::string post = kFrontMatter;
  for (int number = 1; number <= 3000; ++number)
    post += Paper(number, "A  study of sparse attention, number " + std::to_string(number));
  REQUIRE(post.size() > 750 * 1000);
  WriteFile(dir.path() / "2025-10-27-many-fixes.md", post);
  const fs::path diff = dir.path() / "fixes.diff";
  const auto run = RunMeasured("cd " + ShellQuote(dir.path().string()) + " && " + Binary() +
                               " --no-config --diff 2025-10-27-many-fixes.md > fixes.diff 2>/dev/null");
  CHECK(run.status == 1);  // something to fix
  CHECK(run.max_rss_kb < kCeilingKb);
  const std::string patch = testing::ReadFile(diff);
  CHECK(std::count(patch.begin(), patch.end(), '\n') > 3 * 3000);
  // The patch is right: applied, it gives what --fix writes.
  fs::copy_file(dir.path() / "2025-10-27-many-fixes.md", dir.path() / "fixed.md");
  CHECK(RunMeasured(Binary() + " --no-config --fix " + ShellQuote((dir.path() / "fixed.md").string()) +
                    " > /dev/null 2>&1")
            .status == 0);
  CHECK(std::system(("cd " + ShellQuote(dir.path().string()) + " && patch -s -p1 < fixes.diff").c_str()) == 0);
  CHECK(testing::ReadFile(dir.path() / "2025-10-27-many-fixes.md") == testing::ReadFile(dir.path() / "fixed.md"));
}

TEST_CASE("standard input is read no further than max-file-size", "[memory][regression][slow]") {
  // `yes | digestlint -` used to read until bad_alloc.
  TempDir dir;
  WriteFile(dir.path() / ".digestlint.yaml", "max-file-size: 1000000\n");
  const fs::path log = dir.path() / "log";
  const auto run = RunMeasured("cd " + ShellQuote(dir.path().string()) + " && yes | " + Binary() +
                               " --config .digestlint.yaml - > " + ShellQuote(log.string()) + " 2>&1");
  CHECK(run.max_rss_kb < 64 * 1024);
  CHECK(run.status == 2);
  CHECK(testing::ReadFile(log) ==
        "-:1:1: error[DL004 input-too-large] the file was not linted: standard input has more than max-file-size "
        "(1000000) bytes; it was read no further\n"
        "digestlint: 1 error, 0 warnings in 1 file (1 file could not be linted)\n");
  // With --fix -, what was read and the rest go to stdout unchanged: nothing is lost.
  const fs::path input = dir.path() / "in.txt";
  std::string many;
  while (many.size() < 3000000) many += "y\n";
  WriteFile(input, many);
  const auto echoed = RunMeasured("cd " + ShellQuote(dir.path().string()) + " && " + Binary() +
                                  " --config .digestlint.yaml --fix - < in.txt > out.txt 2>/dev/null");
  CHECK(echoed.status == 2);
  CHECK(testing::ReadFile(dir.path() / "out.txt") == many);
}

TEST_CASE("the structured formats' memory does not grow with the number of diagnostics", "[memory][slow]") {
  // Every format streams file by file; json and sarif used to hold every
  // diagnostic until the end (about 4 KB each).
  TempDir dir;
  for (const int posts : {300, 3000}) {
    const fs::path folder = dir.path() / std::to_string(posts);
    fs::create_directories(folder);
    generator::GeneratorOptions options;
    options.fault_rate = 1.0;
    for (int index = 0; index < posts; ++index) {
      const auto post = generator::GeneratePost(7, index, options);
      WriteFile(folder / (std::to_string(index) + "-" + post.file_name), post.text);
    }
  }
  for (const char* format : {"json", "sarif", "junit", "gitlab", "rdjson"}) {
    long rss[2] = {0, 0};
    int i = 0;
    for (const char* folder : {"300", "3000"}) {
      const auto run = RunMeasured(Binary() + " --no-config -j 2 --format=" + format + " " +
                                   ShellQuote((dir.path() / folder).string()) + " > /dev/null 2>&1");
      CHECK(run.status == 1);
      rss[i++] = run.max_rss_kb;
    }
    INFO(format << ": " << rss[0] << " KB for 300 posts, " << rss[1] << " KB for 3000");
    CHECK(rss[0] > 1024);  // measured
    // Ten times the diagnostics (about 4 KB each when they were held): at most 8 MiB
    // more, 32 under AddressSanitizer, which keeps the call stack of every new
    // path to an allocation.
    CHECK(rss[1] < rss[0] + (DIGESTLINT_SANITIZED ? 32 : 8) * 1024);
  }
}

}  // namespace
}  // namespace digestlint
