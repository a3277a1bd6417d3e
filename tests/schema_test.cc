#include <catch2/catch.hpp>

#include "schema.h"
#include "test_support.h"

namespace digestlint {
namespace {

using nlohmann::json;

TEST_CASE("the built-in schema describes the daily-papers layout", "[schema]") {
  const PostSpec& spec = Schema::Default().spec();
  CHECK(spec.paper_heading_level == 1);
  CHECK(spec.section_heading_level == 2);
  CHECK(spec.alphaxiv_language == "ko");
  REQUIRE(spec.sections.size() == 5);
  CHECK(spec.sections[0].name == "Introduction");
  CHECK(spec.sections[0].bullet_labels == std::vector<std::string>{"Goal", "Motivation", "Contribution"});
  CHECK(spec.sections[4].name == "Conclusion");
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
  SECTION("not a JSON Schema: JSON pointer") {
    CHECK_FALSE(
        Schema::Load(R"({"type": "objekt", "x-digestlint": {"sections": {"required": [{"name": "A"}]}}})", &error));
    CHECK(error.find("not a valid JSON Schema (draft-07)") != std::string::npos);
    CHECK(error.find("'type'") != std::string::npos);
  }
  SECTION("no body description") {
    CHECK_FALSE(Schema::Load(R"({"type": "object"})", &error));
    CHECK(error.rfind("/x-digestlint: missing", 0) == 0);
  }
  SECTION("a wrong value in the body description: JSON pointer") {
    CHECK_FALSE(Schema::Load(R"({"x-digestlint": {"sections": {"required": [{"name": 5}]}}})", &error));
    CHECK(error ==
          "/x-digestlint/sections/required/0/name: 'sections.required[0].name' must be a string but is an "
          "integer");
  }
  SECTION("an unknown key in the body description") {
    CHECK_FALSE(
        Schema::Load(R"({"x-digestlint": {"sectoins": {}, "sections": {"required": [{"name": "A"}]}}})", &error));
    CHECK(error == "/x-digestlint/sectoins: unknown key 'sectoins'");
  }
  SECTION("a title-date pattern without its capture group") {
    CHECK_FALSE(Schema::Load(
        R"({"x-digestlint": {"front-matter": {"title-date-pattern": "[0-9]+"}, "sections": {"required": [{"name": "A"}]}}})",
        &error));
    CHECK(error == "/x-digestlint/front-matter/title-date-pattern: needs exactly one capture group (the date)");
  }
  SECTION("section headings no deeper than paper headings") {
    CHECK_FALSE(Schema::Load(
        R"({"x-digestlint": {"papers": {"heading-level": 2}, "sections": {"heading-level": 2, "required": [{"name": "A"}]}}})",
        &error));
    CHECK(error.rfind("/x-digestlint/sections/heading-level: must be deeper", 0) == 0);
  }
}

}  // namespace
}  // namespace digestlint
