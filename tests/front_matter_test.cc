#include <cstdint>
#include <filesystem>
#include <limits>

#include <catch2/catch.hpp>

#include "front_matter.h"
#include "post_generator.h"
#include "test_support.h"

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
  REQUIRE(fm.state == FrontMatter::State::kInvalidSyntax);
  CHECK_FALSE(fm.error.empty());
  CHECK(broken.PositionOf(fm.error_offset).line >= 3);
}

TEST_CASE("aliases cannot make the conversion loop or explode", "[front-matter]") {
  const FrontMatter cycle = ParseFrontMatter(SourceText("---\na: &a [*a]\n---\n"));
  REQUIRE(cycle.state == FrontMatter::State::kInvalidSyntax);
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
  REQUIRE(exploded.state == FrontMatter::State::kInvalidSyntax);
  CHECK(exploded.error.find("more than 10000 values") != std::string::npos);

  const std::string deep = "---\na: " + std::string(70, '[') + std::string(70, ']') + "\n---\n";
  const FrontMatter nested = ParseFrontMatter(SourceText(deep));
  REQUIRE(nested.state == FrontMatter::State::kInvalidSyntax);
  CHECK(nested.error.find("deeper than 64") != std::string::npos);
}

TEST_CASE("TOML front matter between +++ lines, as Hugo writes it", "[front-matter]") {
  const SourceText source(
      "+++\ntitle = \"Daily Papers 2025-10-27\"\ndate = 2025-10-27T08:00:00+09:00\npublished = 2026-03-12\n"
      "tags = [\"papers\", \"llm\"]\ndraft = false\n[params]\nscore = 1.5\n+++\n\n# 1. Paper\n");
  const FrontMatter fm = ParseFrontMatter(source);
  REQUIRE(fm.state == FrontMatter::State::kParsed);
  CHECK(fm.syntax == FrontMatterSyntax::kToml);
  CHECK(fm.data["title"] == "Daily Papers 2025-10-27");
  CHECK(fm.data["date"] == "2025-10-27T08:00:00+09:00");  // a TOML date-time becomes RFC 3339 text
  CHECK(fm.data["published"] == "2026-03-12");
  CHECK(fm.data["tags"] == nlohmann::json::array({"papers", "llm"}));
  CHECK(fm.data["draft"] == false);
  CHECK(fm.data["params"]["score"] == 1.5);
  CHECK(source.PositionOf(fm.locations.at("/date").key).line == 3);
  CHECK(source.PositionOf(fm.locations.at("/date").value).column == 8);
  CHECK(source.PositionOf(fm.body_start).line == 10);

  const FrontMatter broken = ParseFrontMatter(SourceText("+++\ntitle = \"x\ndate = 1\n+++\n"));
  REQUIRE(broken.state == FrontMatter::State::kInvalidSyntax);
  CHECK(broken.syntax == FrontMatterSyntax::kToml);
  CHECK(SourceText("+++\ntitle = \"x\ndate = 1\n+++\n").PositionOf(broken.error_offset).line == 2);

  const FrontMatter refused = ParseFrontMatter(SourceText("+++\ntitle = \"x\"\n+++\n"), /*yaml=*/true, /*toml=*/false);
  CHECK(refused.state == FrontMatter::State::kMissing);
  CHECK(refused.syntax_not_accepted);
}

TEST_CASE("a key appended to the front matter must read back as itself", "[front-matter]") {
  const SourceText yaml("---\ntitle: x\n---\n");
  CHECK(KeyLineToAppend(yaml, ParseFrontMatter(yaml), "layout", "post") == "layout: post\n");
  CHECK(KeyLineToAppend(yaml, ParseFrontMatter(yaml), "categories", nlohmann::json::array()) == "categories: []\n");
  const SourceText toml("+++\ntitle = \"x\"\n+++\n");
  CHECK(KeyLineToAppend(toml, ParseFrontMatter(toml), "layout", "post") == "layout = \"post\"\n");
  // yaml-cpp reads this, but a line appended after the open quote is part of the quoted text.
  const SourceText open_block("---\n: \"\n---\n");
  CHECK_FALSE(KeyLineToAppend(open_block, ParseFrontMatter(open_block), "layout", "post"));
}

TEST_CASE("numbers are read exactly, or kept with the reason they are out of range", "[front-matter]") {
  const FrontMatter fm = ParseFrontMatter(
      SourceText("---\nmax: 9223372036854775807\nmin: -9223372036854775808\nfloat: -2.5e-3\nsub: 4.9e-324\n"
                 "over: 1e309\nunder: -1e-400\nlong: 9223372036854775808\nhuge: " +
                 std::string(400, '9') + "\n---\n"));
  REQUIRE(fm.state == FrontMatter::State::kParsed);
  CHECK(fm.data["max"] == INT64_MAX);
  CHECK(fm.data["min"] == INT64_MIN);
  CHECK(fm.data["float"] == -2.5e-3);
  CHECK(fm.data["sub"] > 0.0);  // the smallest subnormal still reads
  CHECK(fm.data["over"] == std::numeric_limits<double>::infinity());
  CHECK(fm.data["under"] == 0.0);
  CHECK(fm.data["long"] == 9223372036854775808.0);
  CHECK(fm.data["huge"] == std::numeric_limits<double>::infinity());
  REQUIRE(fm.out_of_range.size() == 4);
  CHECK(Describe(fm.out_of_range[0], "") ==
        "'over' is 1e309, too large for a number (beyond ±1.8e308): it reads as infinity");
  CHECK(Describe(fm.out_of_range[1], "") ==
        "'under' is -1e-400, too small for a number (below 4.9e-324): it reads as 0");
  CHECK(Describe(fm.out_of_range[2], "") ==
        "'long' is 9223372036854775808, an integer beyond the 64-bit range (19 digits): digestlint reads it as an "
        "approximate number");
  CHECK(Describe(fm.out_of_range[3], "") ==
        "'huge' is " + std::string(40, '9') + "..., too large for a number (beyond ±1.8e308): it reads as infinity");
}

// The front matter between the first two --- lines of `post`, and its offset; nullopt without one.
std::optional<std::pair<std::string, size_t>> YamlOf(const std::string& post) {
  if (post.rfind("---\n", 0) != 0) return std::nullopt;
  const size_t end = post.find("\n---", 3);
  if (end == std::string::npos) return std::nullopt;
  return std::make_pair(post.substr(4, end + 1 - 4), size_t{4});
}

void CheckSameAsYamlCpp(const std::string& yaml, size_t base, const YamlDocument& simple) {
  INFO("front matter:\n" << yaml);
  const YamlDocument full = ParseYamlWithYamlCpp(yaml, base);
  REQUIRE(full.ok == simple.ok);
  CHECK(full.data == simple.data);
  CHECK(full.data.dump() == simple.data.dump());  // the same key order too
  REQUIRE(full.locations.size() == simple.locations.size());
  for (const auto& [pointer, location] : full.locations) {
    INFO("at " << pointer);
    REQUIRE(simple.locations.count(pointer));
    CHECK(simple.locations.at(pointer).key == location.key);
    CHECK(simple.locations.at(pointer).value == location.value);
  }
  REQUIRE(full.out_of_range.size() == simple.out_of_range.size());
  for (size_t i = 0; i < full.out_of_range.size(); ++i) {
    CHECK(simple.out_of_range[i].pointer == full.out_of_range[i].pointer);
    CHECK(simple.out_of_range[i].text == full.out_of_range[i].text);
    CHECK(simple.out_of_range[i].reason == full.out_of_range[i].reason);
  }
}

TEST_CASE("the fast path for simple front matter reads exactly what yaml-cpp reads", "[front-matter]") {
  int simple_count = 0;
  const auto compare = [&](const std::string& yaml, size_t base) {
    if (const std::optional<YamlDocument> simple = ParseSimpleYaml(yaml, base)) {
      ++simple_count;
      CheckSameAsYamlCpp(yaml, base, *simple);
    }
  };
  SECTION("every post in the repository") {
    int posts = 0;
    for (const char* folder : {"tests", "examples"}) {
      for (const auto& entry : std::filesystem::recursive_directory_iterator(testing::SourceDir() / folder)) {
        if (entry.path().extension() != ".md") continue;
        if (const auto yaml = YamlOf(testing::ReadFile(entry.path()))) {
          ++posts;
          compare(yaml->first, yaml->second);
        }
      }
    }
    INFO(simple_count << " of " << posts << " front matters took the fast path");
    CHECK(posts > 100);
    CHECK(simple_count * 2 > posts);  // most of them: it is the common shape
  }
  SECTION("generated posts") {
    generator::GeneratorOptions options;
    options.fault_rate = 1.0;
    for (int index = 0; index < 300; ++index)
      compare(YamlOf(generator::GeneratePost(3, index, options).text)->first, 4);
    CHECK(simple_count == 300);
  }
  SECTION("each kind of value, and what it leaves to yaml-cpp") {
    const std::vector<std::string> taken = {
        "layout: post\ntitle: \"Daily Papers — 2025-10-27\"\ndate: 2025-10-27 08:15:00\ntags: [papers, hf]\n"
        "categories: []\n",
        "a: 1\nb: 0\nc: 1.5e3\nd: true\ne: FALSE\nf: null\ng: Null\nh: 99999999999999999999\ni: 1e999\n",
        "x: yes\ny: no\nz: 0x1F\nw: 0o17\nv: 12:30\nu: http://example.com/a#b\n",
        "title: 'single quoted: with colon'\nsummary: \"double # not a comment\"\n",
        "title:   spaced value   \n\n\nnext: after blank lines\n",
        "tags: [ a , b,c ]\nlist: [1, 2.5, true, null, word]\nempty: [ ]\n",
        "title: 한국어 제목 — 요약\nkey_with-dash: C# and F#\n",
    };
    for (const std::string& yaml : taken) {
      INFO(yaml);
      CHECK(ParseSimpleYaml(yaml, 0));
      compare(yaml, 17);
    }
    const std::vector<std::string> left = {
        "",
        "# a comment\na: 1\n",
        "a: 1 # a comment\n",
        "a:\n  - x\n  - y\n",
        "a: b\n  continued\n",
        "a: \"escaped \\\" quote\"\n",
        "a: 'it''s'\n",
        "a: [x, [y]]\n",
        "a: [x,]\n",
        "a: [a:b]\n",
        "a: &anchor x\nb: *anchor\n",
        "a: |\n  block\n",
        "a: 1\na: 2\n",
        "a:\tb\n",
        "a: b\r\n",
        "a: x\xC2\x85y\n",
        "\"quoted key\": 1\n",
        "a: -1\n",
        "a: ~\n",
        "a: {b: 1}\n",
        "a: x: y\n",
        "a:b\n",
        "a: \n",
    };
    for (const std::string& yaml : left) {
      INFO(yaml);
      CHECK_FALSE(ParseSimpleYaml(yaml, 0));
    }
  }
}

}  // namespace
}  // namespace digestlint
