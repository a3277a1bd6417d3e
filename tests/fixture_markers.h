#pragma once
// The expectation markers of fixture posts (README, "Tests"):
//   <!-- expect: DL301:12 -->          this line, column 12
//   <!-- expect: DL201@+1:1 "Results" --> next line, column 1, message contains "Results"
//   # expect: DL104@-1:1               the same, as a YAML comment in front matter
// `@N` without a sign is an absolute line. `<!-- fixture-schema: FILE -->`
// names another schema (FILE relative to the fixture). Markers are blanked,
// so line numbers do not move. Shared by the single-post fixtures
// (fixture_test.cc) and the fixture blogs (blog_test.cc).

#include <algorithm>
#include <filesystem>
#include <optional>
#include <regex>
#include <string>
#include <tuple>
#include <vector>

#include "test_support.h"

namespace digestlint::testing {

struct Expectation {
  std::string code;
  int line = 0;
  int column = 0;
  std::string message_part;
  bool operator<(const Expectation& other) const {
    return std::tie(line, column, code) < std::tie(other.line, other.column, other.code);
  }
};

struct Fixture {
  std::string text;  // with markers blanked
  std::vector<Expectation> expected;
  std::optional<std::filesystem::path> schema;
};

inline Fixture ParseFixture(const std::filesystem::path& path) {
  static const std::regex kMarker(
      R"re((?:<!--|#)\s*expect:\s*(DL[0-9]+)(?:@([+-]?[0-9]+))?:([0-9]+)(?:\s+"([^"]*)")?\s*(?:-->)?)re");
  static const std::regex kSchema(R"(<!--\s*fixture-schema:\s*(\S+)\s*-->)");
  Fixture fixture;
  const std::string raw = ReadFile(path);
  size_t start = 0;
  for (int line = 1; start < raw.size() || (start == raw.size() && line == 1); ++line) {
    size_t end = raw.find('\n', start);
    if (end == std::string::npos) end = raw.size();
    size_t content_end = end > start && raw[end - 1] == '\r' ? end - 1 : end;
    std::string content = raw.substr(start, content_end - start);
    std::smatch match;
    std::string::const_iterator search = content.cbegin();
    size_t cut = content.size();
    while (std::regex_search(search, content.cend(), match, kMarker)) {
      cut = std::min(cut, static_cast<size_t>(match[0].first - content.cbegin()));
      Expectation expectation;
      expectation.code = match[1];
      const std::string at = match[2];
      expectation.line = at.empty() ? line : (at[0] == '+' || at[0] == '-') ? line + std::stoi(at) : std::stoi(at);
      expectation.column = std::stoi(match[3]);
      expectation.message_part = match[4];
      fixture.expected.push_back(expectation);
      search = match[0].second;
    }
    if (std::regex_search(content, match, kSchema)) {
      fixture.schema = path.parent_path() / std::string(match[1]);
      cut = std::min(cut, static_cast<size_t>(match.position(0)));
    }
    if (cut < content.size()) {
      while (cut > 0 && (content[cut - 1] == ' ' || content[cut - 1] == '\t')) --cut;
      content.resize(cut);
    }
    fixture.text += content + raw.substr(content_end, end - content_end) + (end < raw.size() ? "\n" : "");
    start = end + 1;
    if (end >= raw.size()) break;
  }
  std::sort(fixture.expected.begin(), fixture.expected.end());
  return fixture;
}

inline std::string Describe(const Expectation& e) {
  return e.code + "@" + std::to_string(e.line) + ":" + std::to_string(e.column) +
         (e.message_part.empty() ? "" : " \"" + e.message_part + "\"");
}

}  // namespace digestlint::testing
