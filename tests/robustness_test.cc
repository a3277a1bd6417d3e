// Known hostile inputs for the libraries underneath: each gives its exact
// diagnostics, never a crash or a hang (CTest's timeout would catch a hang;
// speed itself is the benchmark's business).
#include <set>

#include <catch2/catch.hpp>

#include "file_walk.h"
#include "linter.h"
#include "test_support.h"

namespace digestlint {
namespace {

const std::string kFrontMatter =
    "---\nlayout: post\ntitle: \"Daily Papers — 2025-10-27\"\ndate: 2025-10-27 08:15:00\ntags: [papers]\n"
    "categories: []\n---\n";

std::string Repeat(const std::string& text, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += text;
  return out;
}

std::set<std::string> Codes(const std::string& text) {
  std::set<std::string> codes;
  for (const LocatedDiagnostic& d : LintBytes("post.md", text, Schema::Default()))
    codes.insert(std::string(d.rule->code));
  return codes;
}

TEST_CASE("cmark's pathological inputs lint to the ordinary diagnostics", "[robustness]") {
  std::string references;
  for (int i = 0; i < 9000; ++i) references += "[r" + std::to_string(i) + "]: http://x/" + std::to_string(i) + "\n";
  const std::pair<const char*, std::string> bodies[] = {
      {"nested brackets", Repeat("[", 9000) + "x" + Repeat("]", 9000)},
      {"nested block quotes", Repeat(">", 10000) + " x"},
      {"emphasis runs", Repeat("*a **b ", 20000)},
      {"comment openers", Repeat("<!--", 50000)},
      {"backtick run", Repeat("`", 50000) + "x"},
      {"reference definitions", references},
  };
  for (const auto& [name, body] : bodies) {
    INFO(name);
    CHECK(Codes(kFrontMatter + body + "\n") == std::set<std::string>{"DL403"});  // a post with no papers, nothing worse
  }
}

TEST_CASE("yaml-cpp 0.7's traps end with a clear result", "[robustness]") {
  // A lone ',' and a bare tag load as an empty document: not a mapping.
  for (const char* yaml : {",", "!2"}) {
    INFO(yaml);
    CHECK(Codes(std::string("---\n") + yaml + "\n---\n") == std::set<std::string>{"DL104", "DL403"});
  }
  // Unbalanced or deeply opened flows fail fast with a syntax error.
  for (const std::string& yaml : {std::string("[[:"), "a: " + Repeat("[", 5000), "a: " + Repeat("{", 5000)}) {
    INFO(yaml.substr(0, 10));
    CHECK(Codes("---\n" + yaml + "\n---\n") == std::set<std::string>{"DL103", "DL403"});
  }
}

TEST_CASE("a file that vanishes between listing and reading is reported, the others still linted", "[robustness]") {
  testing::TempDir dir;
  testing::WriteFile(dir.path() / "2025-10-27-a.md", kFrontMatter + "No papers.\n");
  testing::WriteFile(dir.path() / "2025-10-27-b.md", kFrontMatter + "No papers.\n");
  struct KeepAll : WalkFilter {
    bool Enters(const std::string&) override { return true; }
    bool Keeps(const std::string&, bool) override { return true; }
  } keep_all;
  std::vector<std::string> posts;
  for (const WalkEntry& entry : CollectPosts({dir.path().string()}, keep_all).entries) posts.push_back(entry.path);
  REQUIRE(posts.size() == 2);
  std::filesystem::remove(posts[0]);  // gone after the walk, before the read
  const std::vector<LocatedDiagnostic> vanished = LintFile(posts[0], Schema::Default());
  REQUIRE(vanished.size() == 1);
  CHECK(vanished[0].rule->code == std::string("DL001"));
  CHECK(vanished[0].message == "cannot read the file: No such file or directory");
  CHECK(IsInputError(vanished[0]));
  const std::vector<LocatedDiagnostic> still_there = LintFile(posts[1], Schema::Default());
  REQUIRE(still_there.size() == 1);
  CHECK(still_there[0].rule->code == std::string("DL403"));
}

}  // namespace
}  // namespace digestlint
