#include "schema.h"

#include <cstdlib>
#include <iostream>

#include "embedded.h"
#include "schema_graph.h"
#include "source_text.h"

namespace digestlint {

namespace {

using nlohmann::json;

const JsonSchema& MetaSchema() {
  static const JsonSchema schema(json::parse(*FindEmbeddedFile("json-schema-draft-07.json")));
  return schema;
}

const JsonSchema& ExtensionSchema() {
  static const JsonSchema schema(json::parse(*FindEmbeddedFile("digestlint-extension.schema.json")));
  return schema;
}

constexpr std::string_view kExtensionKey = "x-digestlint";

std::string FirstViolation(const std::vector<SchemaViolation>& violations, const std::string& prefix) {
  const SchemaViolation& first = violations.front();
  return (prefix + first.pointer).empty() ? first.message : prefix + first.pointer + ": " + first.message;
}

}  // namespace

std::optional<Schema> Schema::Load(std::string_view json_text, std::string* error, bool checked) {
  const auto located = [json_text](size_t offset, const std::string& what) {
    const Position at = SourceText{std::string(json_text)}.PositionOf(offset);
    return "line " + std::to_string(at.line) + ", column " + std::to_string(at.column) + ": " + what;
  };
  if (const std::optional<size_t> too_deep = FirstTooDeepBracket(json_text)) {
    *error = located(*too_deep, "the schema is nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
    return std::nullopt;
  }
  Schema schema;
  try {
    schema.document_ = json::parse(json_text.begin(), json_text.end());
  } catch (const json::parse_error& e) {
    // e.byte is 1-based and points just past the offending character.
    const std::string what = e.what();
    const size_t detail = what.find("syntax error");
    *error = located(e.byte > 0 ? e.byte - 1 : 0,
                     "not valid JSON: " + (detail == std::string::npos ? what : what.substr(detail)));
    return std::nullopt;
  }
  const std::vector<SchemaViolation> meta =
      checked ? MetaSchema().Validate(schema.document_, "the schema") : std::vector<SchemaViolation>{};
  if (!meta.empty()) {
    *error = "not a valid JSON Schema (draft-07): " + FirstViolation(meta, "");
    return std::nullopt;
  }
  if (!schema.document_.is_object() || !schema.document_.contains(kExtensionKey)) {
    *error = "/" + std::string(kExtensionKey) + ": missing; it describes the post body (see README, \"Schemas\")";
    return std::nullopt;
  }
  const json& block = schema.document_[std::string(kExtensionKey)];
  const std::vector<SchemaViolation> extension =
      checked ? ExtensionSchema().Validate(block, "'x-digestlint'") : std::vector<SchemaViolation>{};
  if (!extension.empty()) {
    *error = FirstViolation(extension, "/" + std::string(kExtensionKey));
    return std::nullopt;
  }
  std::optional<DigestFormat> format = DigestFormat::FromJson(block, error);
  if (!format) return std::nullopt;
  schema.format_ = std::make_shared<const DigestFormat>(std::move(*format));
  try {
    schema.front_matter_ = std::make_shared<const JsonSchema>(schema.document_);
  } catch (const SchemaError& e) {
    *error = e.what();
    return std::nullopt;
  } catch (const std::exception& e) {
    *error = std::string("cannot be compiled: ") + e.what();
    return std::nullopt;
  }
  return schema;
}

const Schema& Schema::Default() {
  static const Schema schema = [] {
    std::string error;
    std::optional<Schema> loaded = Load(*FindEmbeddedFile("daily-papers.schema.json"), &error, /*checked=*/false);
    if (!loaded) {
      std::cerr << "digestlint: internal error: built-in schema: " << error << "\n";
      std::abort();
    }
    return std::move(*loaded);
  }();
  return schema;
}

std::vector<SchemaViolation> Schema::Validate(const json& front_matter) const {
  return front_matter_->Validate(front_matter, "the front matter");
}

}  // namespace digestlint
