#include <catch2/catch.hpp>

#include "schema.h"
#include "test_support.h"

namespace digestlint {
namespace {

using nlohmann::json;

TEST_CASE("the built-in schema describes the daily-papers layout", "[schema]") {
  const DigestFormat& format = Schema::Default().format();
  CHECK(format.papers.unit == PaperUnit::kHeading);
  CHECK(format.papers.level == 1);
  CHECK(format.papers.title == TitleForm::kLink);
  CHECK(format.sections.level == 2);
  REQUIRE(format.links.size() == 2);
  CHECK(format.links[0].url.text() == "https://arxiv.org/abs/{id}");
  CHECK(format.links[1].url.text() == "https://www.alphaxiv.org/ko/overview/{id}");
  CHECK(format.links[1].same_id_as == 0);
  REQUIRE(format.sections.list.size() == 5);
  CHECK(format.sections.list[0].name.canonical() == "Introduction");
  REQUIRE(format.sections.list[0].bullets.size() == 3);
  CHECK(format.sections.list[0].bullets[0].canonical() == "Goal");
  CHECK(format.sections.list[4].name.canonical() == "Conclusion");
  CHECK(format.PaperExample(3) == "# 3. [Title](https://arxiv.org/abs/ID)");
  CHECK(format.links[1].Example() == "> [Alphaxiv](https://www.alphaxiv.org/ko/overview/ID)");
}

TEST_CASE("the built-in schema file is a plain draft-07 JSON Schema", "[schema]") {
  const json document = json::parse(testing::ReadFile(testing::SourceDir() / "schemas/daily-papers.schema.json"));
  CHECK(document["$schema"] == "http://json-schema.org/draft-07/schema#");
  CHECK(document["type"] == "object");
  // Schema::Default() skips these checks at run time; here they run in full.
  std::string error;
  CHECK(Schema::Load(testing::ReadFile(testing::SourceDir() / "schemas/daily-papers.schema.json"), &error));
  CHECK(error.empty());
}

TEST_CASE("front matter violations read as plain sentences", "[schema]") {
  const Schema& schema = Schema::Default();
  const json front_matter = {{"layout", "page"}, {"title", "Daily Papers"}, {"tags", {"a", "a"}}, {"categories", 3}};
  std::vector<std::string> messages;
  for (const SchemaViolation& v : schema.Validate(front_matter)) messages.push_back(v.pointer + " " + v.message);
  std::sort(messages.begin(), messages.end());
  CHECK(messages == std::vector<std::string>{
                        " missing required key 'date' (YYYY-MM-DD HH:MM:SS with an optional +HHMM time zone)",
                        "/categories 'categories' must be a list but is an integer",
                        "/layout 'layout' is \"page\" but must be one of: \"post\"",
                        "/tags 'tags' lists the same value more than once",
                        "/title 'title' is \"Daily Papers\" but must be of the form Daily Papers — YYYY-MM-DD (with an "
                        "em dash)",
                    });
}

TEST_CASE("malformed schemas are refused with the place of the problem", "[schema]") {
  std::string error;
  SECTION("not JSON: line and column") {
    CHECK_FALSE(Schema::Load("{\n  \"type\": \"object\",\n  oops\n}", &error));
    CHECK(error.rfind("line 3, column 3: not valid JSON", 0) == 0);
  }
  SECTION("nested too deep: line and column, before it is parsed") {
    // 64 levels of brackets pass (strings do not count); the 65th is refused where it opens.
    const std::string deep_string = "\"" + std::string(100, '[') + "\"";
    const auto nested = [&](int levels) {
      std::string text = "{\"x-digestlint\": {}, \"default\": ";
      for (int i = 1; i < levels; ++i) text += "[\n";
      return text + deep_string + std::string(static_cast<size_t>(levels - 1), ']') + "}";
    };
    CHECK(Schema::Load(nested(64), &error));
    CHECK_FALSE(Schema::Load(nested(65), &error));
    CHECK(error == "line 64, column 1: the schema is nested deeper than 64 levels");
    // A million levels (an 8 MB file) overflowed the stack when the document was copied.
    CHECK_FALSE(Schema::Load(nested(1000000), &error));
    CHECK(error == "line 64, column 1: the schema is nested deeper than 64 levels");
  }
  SECTION("not a JSON Schema: JSON pointer") {
    CHECK_FALSE(Schema::Load(R"({"type": "objekt", "x-digestlint": {"sections": {"list": ["A"]}}})", &error));
    CHECK(error.find("not a valid JSON Schema (draft-07)") != std::string::npos);
    CHECK(error.find("'type'") != std::string::npos);
  }
  SECTION("no body description") {
    CHECK_FALSE(Schema::Load(R"({"type": "object"})", &error));
    CHECK(error.rfind("/x-digestlint: missing", 0) == 0);
  }
  SECTION("a wrong value in the body description: JSON pointer") {
    CHECK_FALSE(Schema::Load(R"({"x-digestlint": {"papers": {"level": "one"}}})", &error));
    CHECK(error == "/x-digestlint/papers/level: 'papers.level' must be an integer but is a string");
  }
  SECTION("an unknown key in the body description") {
    CHECK_FALSE(Schema::Load(R"({"x-digestlint": {"sectoins": {}, "sections": {"list": ["A"]}}})", &error));
    CHECK(error == "/x-digestlint/sectoins: unknown key 'sectoins'");
  }
  SECTION("a date form that cannot find a date") {
    CHECK_FALSE(Schema::Load(R"({"x-digestlint": {"front-matter": {"title-date-forms": ["YYYY"]}}})", &error));
    CHECK(error.rfind("/x-digestlint/front-matter/title-date-forms/0: date form 'YYYY' needs", 0) == 0);
  }
  SECTION("section headings no deeper than paper headings") {
    CHECK_FALSE(Schema::Load(R"({"x-digestlint": {"papers": {"level": 2}, "sections": {"level": 2}}})", &error));
    CHECK(error.rfind("/x-digestlint/sections/level: must be deeper", 0) == 0);
  }
  SECTION("the keys of the first schema language name their replacement") {
    CHECK_FALSE(Schema::Load(R"({"x-digestlint": {"links": {"alphaxiv-language": "ko"}}})", &error));
    CHECK(error.find("/x-digestlint/links") == 0);
  }
}

}  // namespace
}  // namespace digestlint
