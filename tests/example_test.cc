// The reference post: no errors, and exactly the warnings the README explains.
#include <catch2/catch.hpp>

#include "linter.h"
#include "test_support.h"

namespace digestlint {
namespace {

std::vector<std::string> Summarise(const std::vector<LocatedDiagnostic>& diagnostics) {
  std::vector<std::string> lines;
  for (const LocatedDiagnostic& d : diagnostics) {
    lines.push_back(std::string(d.rule->code) + "@" + std::to_string(d.start.line) + ":" +
                    std::to_string(d.start.column));
  }
  return lines;
}

// Lines 10, 100, 123 and 146 keep arXiv's line-wrap spaces (DL501); papers 3
// and 5 have Introduction bullets without Goal:/Motivation:/Contribution:
// labels (DL207). Both are warnings: the post is valid.
const std::vector<std::string> kExpected = {"DL501@10:77", "DL207@58:1",   "DL501@100:75",
                                            "DL207@104:1", "DL501@123:79", "DL501@146:75"};

TEST_CASE("the bundled reference post has no errors and the known warnings", "[example]") {
  const auto path = testing::SourceDir() / "examples/2025-10-27-daily-papers.md";
  const auto diagnostics = LintFile(path.string(), Schema::Default());
  CHECK(Summarise(diagnostics) == kExpected);
  for (const LocatedDiagnostic& d : diagnostics) CHECK(d.severity == Severity::kWarning);
}

TEST_CASE("the reference post in ../shared matches the bundled copy", "[example]") {
  const auto shared = testing::SharedDir();
  if (!shared) {
    WARN("../shared is not on this machine: skipped comparing with the shared reference post");
    return;
  }
  const auto path = *shared / "examples/2025-10-27-daily-papers.md";
  CHECK(testing::ReadFile(path) == testing::ReadFile(testing::SourceDir() / "examples/2025-10-27-daily-papers.md"));
  CHECK(Summarise(LintFile(path.string(), Schema::Default())) == kExpected);
}

TEST_CASE("the bundled faulty post shows one error of each kind it was written with", "[example]") {
  const auto path = testing::SourceDir() / "examples/2025-10-28-daily-papers.md";
  CHECK(Summarise(LintFile(path.string(), Schema::Default())) ==
        std::vector<std::string>{"DL106@3:8", "DL302@11:61", "DL401@32:3", "DL307@34:14", "DL202@44:1"});
}

}  // namespace
}  // namespace digestlint
