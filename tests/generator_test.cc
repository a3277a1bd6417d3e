// Lints a few hundred generated posts and compares with their ground truth.
#include <algorithm>
#include <set>

#include <catch2/catch.hpp>

#include "linter.h"
#include "post_generator.h"

namespace digestlint {
namespace {

using generator::GeneratedPost;
using generator::InjectedFault;

TEST_CASE("every injected fault is reported at its line and column, and nothing else", "[generator]") {
  constexpr uint64_t kSeed = 20251027;
  constexpr int kPosts = 400;
  int faulty = 0;
  int clean = 0;
  std::set<std::string> rules_seen;
  for (int index = 0; index < kPosts; ++index) {
    const GeneratedPost post = generator::GeneratePost(kSeed, index);
    const std::vector<LocatedDiagnostic> found = LintBytes(post.file_name, post.text, Schema::Default());
    std::vector<std::string> expected;
    for (const InjectedFault& fault : post.faults) {
      expected.push_back(fault.rule + "@" + std::to_string(fault.line) + ":" + std::to_string(fault.column));
      rules_seen.insert(fault.rule);
    }
    std::vector<std::string> actual;
    for (const LocatedDiagnostic& d : found) {
      actual.push_back(std::string(d.rule->code) + "@" + std::to_string(d.start.line) + ":" +
                       std::to_string(d.start.column));
    }
    std::sort(expected.begin(), expected.end());
    std::sort(actual.begin(), actual.end());
    (post.faults.empty() ? clean : faulty) += 1;
    if (expected != actual) {
      INFO("post " << index << " (" << post.file_name << ")\n" << post.text);
      CHECK(actual == expected);
    }
  }
  // The generator must exercise both sides and every kind of fault.
  CHECK(clean >= 50);
  CHECK(faulty >= 200);
  CHECK(rules_seen == std::set<std::string>{"DL105", "DL106", "DL201", "DL202", "DL203", "DL204", "DL205", "DL301",
                                            "DL302", "DL303", "DL307", "DL401", "DL501"});
}

TEST_CASE("the generator is deterministic", "[generator]") {
  const GeneratedPost a = generator::GeneratePost(7, 3);
  const GeneratedPost b = generator::GeneratePost(7, 3);
  CHECK(a.text == b.text);
  CHECK(a.file_name == b.file_name);
  CHECK(a.text != generator::GeneratePost(8, 3).text);
}

}  // namespace
}  // namespace digestlint
