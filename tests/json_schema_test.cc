// JsonSchema: RE2 in place of valijson's std::regex for `pattern`,
// `patternProperties` and the date formats, with the same messages; schemas
// bounded when they load (depth, $ref cycles and chains).
#include <catch2/catch.hpp>

#include "json_schema.h"

namespace digestlint {
namespace {

using nlohmann::json;

std::vector<std::string> Messages(const JsonSchema& schema, const json& value) {
  std::vector<std::string> messages;
  for (const SchemaViolation& v : schema.Validate(value, "the value")) messages.push_back(v.pointer + " " + v.message);
  std::sort(messages.begin(), messages.end());
  return messages;
}

// The SchemaError a document gives, or "" when it compiles.
std::string LoadError(json document) {
  try {
    JsonSchema schema(std::move(document));  // a copy of a deep document would recurse
    return "";
  } catch (const SchemaError& e) {
    return e.what();
  }
}

// {"not": {"not": ... {"type": "string"}}}, `depth` levels of `keyword`.
json Nested(const std::string& keyword, int depth) {
  json schema = {{"type", "string"}};
  for (int i = 0; i < depth; ++i) {
    json wrapper = json::object();
    if (keyword == "allOf") {
      wrapper[keyword] = json::array();
      wrapper[keyword].push_back(std::move(schema));
    } else {
      wrapper[keyword] = std::move(schema);
    }
    schema = std::move(wrapper);
  }
  return schema;
}

TEST_CASE("pattern is matched with RE2, with valijson's message", "[json-schema]") {
  const JsonSchema schema(json::parse(R"({"properties": {
      "word": {"type": "string", "pattern": "^\\p{Lu}\\p{Ll}+$"},
      "code": {"type": "string", "pattern": "^[A-Z]+[0-9]+$", "description": "letters then digits"},
      "slow": {"type": "string", "pattern": "(a*)*b"},
      "deep": {"type": "string", "pattern": "^(a|b)*$"}}})"));
  CHECK(Messages(schema, {{"word", "Été"}, {"code", "AB12"}}).empty());  // \p{..} is RE2 syntax std::regex rejects
  CHECK(Messages(schema, {{"word", "été"}}) == std::vector<std::string>{"/word 'word' is \"été\" but must be of the "
                                                                        "form /^\\p{Lu}\\p{Ll}+$/"});
  CHECK(Messages(schema, {{"code", std::string(40000, 'A') + "x"}}) ==
        std::vector<std::string>{"/code 'code' is \"" + std::string(56, 'A') +
                                 "... but must be of the form letters "
                                 "then digits"});
  // Exponential and stack-deep for a backtracking engine, linear for RE2.
  CHECK(Messages(schema, {{"slow", std::string(100000, 'a')}}).size() == 1);
  std::string ab;
  for (int i = 0; i < 100000; ++i) ab += "ab";
  CHECK(Messages(schema, {{"deep", ab}}).empty());
  CHECK(Messages(schema, {{"deep", ab + "c"}}).size() == 1);
  CHECK(Messages(schema, {{"word", 3}}) == std::vector<std::string>{"/word 'word' must be a string but is an integer"});
}

TEST_CASE("a pattern RE2 cannot compile is refused at load with its JSON pointer", "[json-schema]") {
  CHECK(LoadError(json::parse(R"({"properties": {"a": {"pattern": "(?<=x)y"}}})")) ==
        "/properties/a/pattern: invalid pattern /(?<=x)y/: invalid perl operator: (?<");
  CHECK(LoadError(json::parse(R"({"patternProperties": {"(": {}}})")) ==
        "/patternProperties/(: invalid pattern /(/: missing ): (");
  CHECK(LoadError(json::parse(R"({"definitions": {"unused": {"pattern": "\\1"}}})"))
            .rfind("/definitions/unused/pattern: invalid pattern", 0) == 0);
}

TEST_CASE("patternProperties apply to every matching name, additionalProperties to the rest", "[json-schema]") {
  const JsonSchema schema(json::parse(R"({
      "type": "object",
      "properties": {"x-fixed": {"type": "string", "minLength": 3}},
      "patternProperties": {"^x-": {"description": "text", "type": "string"}, "num$": {"type": "integer"}},
      "additionalProperties": false,
      "definitions": {"inner": {"patternProperties": {"^[0-9]+$": {"type": "boolean"}}}},
      "items": {"$ref": "#/definitions/inner"}})"));
  CHECK(Messages(schema, {{"x-a", "ok"}, {"x-fixed", "long"}, {"renum", 3}}).empty());
  CHECK(Messages(schema, {{"x-a", 1}, {"other", 2}, {"x-num", 3}, {"x-fixed", "no"}}) ==
        std::vector<std::string>{
            "/other unknown key 'other'", "/x-a 'x-a' must be a string but is an integer",
            "/x-fixed 'x-fixed': string should be no fewer than 3 characters in length",
            "/x-num 'x-num' must be a string but is an integer",  // matched by both patterns: each applies
        });
  CHECK(Messages(schema, {{"x-a", "ok"}, {"x-b", 2}}) ==
        std::vector<std::string>{"/x-b 'x-b' must be a string but is an integer"});
  // The same schema again, for another set of names: nothing is mixed up.
  CHECK(Messages(schema, {{"x-c", true}}) ==
        std::vector<std::string>{"/x-c 'x-c' must be a string but is true or false"});
}

TEST_CASE("date, time and date-time are checked by valijson on bounded strings only", "[json-schema]") {
  const JsonSchema schema(
      json::parse(R"({"properties": {"d": {"format": "date"}, "t": {"format": "time"}, "u": {"format": "uri"}}})"));
  CHECK(Messages(schema, {{"d", "2025-10-27"}, {"t", "08:15:00Z"}, {"u", "anything"}}).empty());
  CHECK(Messages(schema, {{"d", "2025-02-30"}}) == std::vector<std::string>{"/d 'd': string should be a valid date"});
  CHECK(Messages(schema, {{"d", std::string(100000, '1') + "-01-01"}}) ==
        std::vector<std::string>{"/d 'd': string should be a valid date"});
  CHECK(Messages(schema, {{"t", "25:00:00Z"}}) == std::vector<std::string>{"/t 't': string should be a valid time"});
}

TEST_CASE("nesting deeper than the limit is refused, in a schema and in a value", "[json-schema]") {
  CHECK(LoadError(Nested("not", 62)).empty());
  const std::string too_deep = LoadError(Nested("not", 20000));
  CHECK(too_deep == std::string("/not/not/not") + [] {
    std::string rest;
    for (int i = 3; i < kMaxJsonDepth; ++i) rest += "/not";
    return rest;
  }() + ": the schema is nested deeper than 64 levels");
  CHECK(LoadError(Nested("allOf", 20000)).find("the schema is nested deeper than 64 levels") != std::string::npos);
  const JsonSchema any(json::object());
  const std::vector<SchemaViolation> deep_value = any.Validate(Nested("not", 100), "the value");
  REQUIRE(deep_value.size() == 1);
  CHECK(deep_value[0].message == "nested deeper than 64 levels; digestlint checks no deeper");
}

TEST_CASE("a $ref cycle that never descends into the value is refused", "[json-schema]") {
  CHECK(LoadError(json::parse(R"({"$ref": "#"})")) ==
        "the schema: the schema refers back to itself without descending into the value (# -> #), so checking would "
        "never end");
  CHECK(
      LoadError(json::parse(
          R"({"definitions": {"a": {"allOf": [{"$ref": "#/definitions/b"}]}, "b": {"not": {"$ref": "#/definitions/a"}}}})")) ==
      "/definitions/a: the schema refers back to itself without descending into the value (#/definitions/a -> "
      "#/definitions/a/allOf/0 -> #/definitions/b -> #/definitions/b/not -> #/definitions/a), so checking would never "
      "end");
  // Recursion through a part of the value is fine: it ends with the value.
  const JsonSchema tree(json::parse(R"({"type": "object", "additionalProperties": {"$ref": "#"}})"));
  CHECK(Messages(tree, {{"a", {{"b", json::object()}}}}).empty());
  CHECK(Messages(tree, {{"a", {{"b", 1}}}}) == std::vector<std::string>{"/a/b 'a.b' must be a mapping but is an "
                                                                        "integer"});
}

TEST_CASE("$ref chains are bounded, and references must stay inside the schema", "[json-schema]") {
  const auto chain = [](int length) {
    json schema = {{"properties", {{"a", {{"$ref", "#/definitions/d0"}}}}}};
    for (int i = 0; i < length; ++i) {
      schema["definitions"]["d" + std::to_string(i)] = {
          {"properties", {{"a", {{"$ref", "#/definitions/d" + std::to_string(i + 1)}}}}}};
    }
    schema["definitions"]["d" + std::to_string(length)] = {{"type", "string"}};
    return schema;
  };
  // Each link is two schemas (the definition and its property): 120 links fit.
  const JsonSchema fits(chain(120));
  json value = "leaf";
  for (int i = 0; i < 60; ++i) value = json{{"a", value}};
  CHECK(Messages(fits, {{"a", value}}).empty());
  CHECK(Messages(fits, {{"a", {{"a", 1}}}}).empty());
  CHECK(LoadError(chain(10000)) ==
        "/definitions/d10000: the schema leads through more than 256 nested schemas ($ref, allOf, not, properties, "
        "...) to get here");
  CHECK(LoadError(json::parse(R"({"$ref": "http://example.com/s.json#/a"})")) ==
        "/$ref: 'http://example.com/s.json#/a' is not supported: only references inside the schema ('#/...') are");
  CHECK(LoadError(json::parse(R"({"$ref": "#/definitions/none"})")) ==
        "/$ref: '#/definitions/none' refers to nothing in the schema");
  CHECK(LoadError(json::parse(
            R"({"patternProperties": {"a": {}}, "properties": {"b": {"$ref": "#/patternProperties/a"}}})")) ==
        "/patternProperties/a: a $ref into patternProperties is not supported");
}

}  // namespace
}  // namespace digestlint
