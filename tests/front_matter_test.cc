#include <catch2/catch.hpp>

#include "front_matter.h"

namespace digestlint {
namespace {

TEST_CASE("front matter is split off and typed like YAML 1.2", "[front-matter]") {
  const SourceText source(
      "---\nlayout: post\ntitle: \"Daily — 1\"\ndate: 2025-10-27 08:15:00\ncount: 3\nflag: true\nempty:\n"
      "quoted: '3'\ntags: [a, b]\n---\n# body\n");
  const FrontMatter fm = ParseFrontMatter(source);
  REQUIRE(fm.state == FrontMatter::State::kParsed);
  CHECK(fm.data["date"] == "2025-10-27 08:15:00");  // timestamps stay strings
  CHECK(fm.data["count"] == 3);
  CHECK(fm.data["flag"] == true);
  CHECK(fm.data["empty"].is_null());
  CHECK(fm.data["quoted"] == "3");
  CHECK(fm.data["tags"] == nlohmann::json::array({"a", "b"}));
  CHECK(source.PositionOf(fm.locations.at("/title").key).line == 3);
  CHECK(source.PositionOf(fm.locations.at("/title").value).column == 8);
  CHECK(source.PositionOf(fm.locations.at("/tags/1").value).column == 11);
  CHECK(source.text().substr(fm.body_start) == "# body\n");
}

TEST_CASE("front matter with a BOM and CRLF line endings", "[front-matter]") {
  const SourceText source("\xEF\xBB\xBF---\r\nlayout: post\r\n---\r\nbody\r\n");
  const FrontMatter fm = ParseFrontMatter(source);
  REQUIRE(fm.state == FrontMatter::State::kParsed);
  CHECK(fm.data["layout"] == "post");
  CHECK(source.text().substr(fm.body_start) == "body\r\n");
}

TEST_CASE("missing, unclosed and broken front matter", "[front-matter]") {
  CHECK(ParseFrontMatter(SourceText("")).state == FrontMatter::State::kMissing);
  CHECK(ParseFrontMatter(SourceText("# title\n---\na: 1\n---\n")).state == FrontMatter::State::kMissing);
  CHECK(ParseFrontMatter(SourceText("---\na: 1\n")).state == FrontMatter::State::kUnclosed);
  const SourceText broken("---\na: 1\nb: [1, 2\n---\n");
  const FrontMatter fm = ParseFrontMatter(broken);
  REQUIRE(fm.state == FrontMatter::State::kInvalidYaml);
  CHECK_FALSE(fm.error.empty());
  CHECK(broken.PositionOf(fm.error_offset).line >= 3);
}

TEST_CASE("aliases cannot make the conversion loop or explode", "[front-matter]") {
  const FrontMatter cycle = ParseFrontMatter(SourceText("---\na: &a [*a]\n---\n"));
  REQUIRE(cycle.state == FrontMatter::State::kInvalidYaml);
  CHECK(cycle.error.find("refers to itself") != std::string::npos);

  std::string bomb = "---\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 10; ++i) {
    const std::string previous = "*a" + std::to_string(i - 1);
    bomb += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [" + previous + ", " + previous + ", " + previous +
            ", " + previous + ", " + previous + ", " + previous + ", " + previous + ", " + previous + ", " + previous +
            ", " + previous + "]\n";
  }
  bomb += "---\n";
  const FrontMatter exploded = ParseFrontMatter(SourceText(bomb));
  REQUIRE(exploded.state == FrontMatter::State::kInvalidYaml);
  CHECK(exploded.error.find("more than 10000 values") != std::string::npos);

  const std::string deep = "---\na: " + std::string(70, '[') + std::string(70, ']') + "\n---\n";
  const FrontMatter nested = ParseFrontMatter(SourceText(deep));
  REQUIRE(nested.state == FrontMatter::State::kInvalidYaml);
  CHECK(nested.error.find("deeper than 64") != std::string::npos);
}

}  // namespace
}  // namespace digestlint
