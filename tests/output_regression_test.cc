// Regressions of issue #16 about output: each with its input under
// tests/regressions/ where it is a file, asserting the exact exit status and
// message. (Others: the long-line and --diff memory ceilings and stdin in
// memory_test.cc, JSON with text that is not UTF-8 in formats_test.cc, -j and
// -o in command_line_test.cc, `--` in the pre-commit hooks in integration_test.cc.)
#include <catch2/catch.hpp>

#include "test_support.h"

namespace digestlint {
namespace {

namespace fs = std::filesystem;
using testing::RunDigestlint;
using testing::SourceDir;

// ESC sequences in a link used to reach the terminal raw: a retitled window, a cleared screen.
TEST_CASE("escape sequences in a post reach no terminal raw", "[regression][terminal]") {
  const fs::path previous = fs::current_path();
  fs::current_path(SourceDir());
  const std::string post = "tests/regressions/escape-sequences-in-link.md";
  const std::string id = "2510.19871\\x1b]0;pwned\\x07\\x1b[2J";
  // DL502 (invisible characters) has its own regression; here: what the other diagnostics print.
  const auto human = RunDigestlint({"--no-config", "--ignore=DL502", "--color=never", post});
  const auto concise = RunDigestlint({"--no-config", "--ignore=DL502", "--format=concise", post});
  const auto github = RunDigestlint({"--no-config", "--ignore=DL502", "--format=github", post});
  fs::current_path(previous);
  CHECK(human.status == 1);
  CHECK(human.out == post + ":9:26: error[DL303 link-id-invalid] arXiv identifier '" + id +
                         "' is invalid: is neither YYMM.NNNNN nor archive/YYMMNNN\n"
                         " 9 | # 1. [A Study of Things](https://arxiv.org/abs/" +
                         id + ")\n   |                          " + std::string(55, '^') + "\n" + post +
                         ":11:14: error[DL307 link-id-mismatch] Alphaxiv link is for 2510.19871 but the "
                         "paper's arXiv link is for " +
                         id +
                         " (a line pasted under the wrong paper?)\n"
                         " 11 | > [Alphaxiv](https://www.alphaxiv.org/ko/overview/2510.19871)\n"
                         "    |              " +
                         std::string(47, '^') + "\n");
  CHECK(concise.status == 1);
  CHECK(concise.out == post + ":9:26: DL303 arXiv identifier '" + id +
                           "' is invalid: is neither YYMM.NNNNN nor archive/YYMMNNN\n" + post +
                           ":11:14: DL307 Alphaxiv link is for 2510.19871 but the paper's arXiv link is for " + id +
                           " (a line pasted under the wrong paper?)\n");
  CHECK(github.status == 1);
  CHECK(github.out.find("::error file=" + post +
                        ",line=9,col=26,endLine=9,endColumn=72,title=DL303 "
                        "link-id-invalid::arXiv identifier '" +
                        id + "' is invalid") == 0);
  for (const auto* run : {&human, &concise, &github}) CHECK(run->out.find('\033') == std::string::npos);
}

// `--fix -` on a full disk used to print the summary and exit 0 with the post lost.
TEST_CASE("option --fix - checks every write to stdout", "[regression][fix][slow]") {
  if (!fs::exists("/dev/full")) {
    WARN("/dev/full does not exist here: the full-disk case is skipped");
    return;
  }
  testing::TempDir dir;
  const fs::path log = dir.path() / "log";
  const std::string post = (SourceDir() / "examples/2025-10-28-daily-papers.md").string();
  const auto fix =
      testing::RunMeasured(testing::ShellQuote(DIGESTLINT_BINARY) + " --no-config --fix - < " +
                           testing::ShellQuote(post) + " > /dev/full 2> " + testing::ShellQuote(log.string()));
  CHECK(fix.status == 2);
  const std::string messages = testing::ReadFile(log);  // the remaining diagnostics, then:
  const std::string end =
      "digestlint: fixed 0 problems in 0 files\n"
      "digestlint: 3 errors, 0 warnings in 1 file; 3 more with --unsafe-fixes\n"
      "digestlint: error: cannot write to standard output\n";
  REQUIRE(messages.size() > end.size());
  CHECK(messages.substr(messages.size() - end.size()) == end);
  // A report to a full disk is an error too.
  const auto report =
      testing::RunMeasured(testing::ShellQuote(DIGESTLINT_BINARY) + " --no-config " + testing::ShellQuote(post) +
                           " > /dev/full 2> " + testing::ShellQuote(log.string()));
  CHECK(report.status == 2);
  CHECK(testing::ReadFile(log) ==
        "digestlint: 5 errors, 0 warnings in 1 file; 2 fixable with --fix, 3 more with --unsafe-fixes\n"
        "digestlint: error: cannot write to standard output\n");
}

}  // namespace
}  // namespace digestlint
