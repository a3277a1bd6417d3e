#include "schema.h"

#include <cstdlib>
#include <iostream>

#include <re2/re2.h>

#include "embedded.h"
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

// Reads the (already validated) x-digestlint block.
PostSpec ReadPostSpec(const json& block) {
  PostSpec spec;
  const json front_matter = block.value("front-matter", json::object());
  spec.title_key = front_matter.value("title-key", spec.title_key);
  spec.date_key = front_matter.value("date-key", spec.date_key);
  spec.title_date_pattern = front_matter.value("title-date-pattern", "([0-9]{4}-[0-9]{2}-[0-9]{2})");
  const json papers = block.value("papers", json::object());
  spec.paper_heading_level = papers.value("heading-level", spec.paper_heading_level);
  spec.numbering_start = papers.value("numbering-start", spec.numbering_start);
  const json links = block.value("links", json::object());
  spec.alphaxiv_label = links.value("alphaxiv-label", spec.alphaxiv_label);
  spec.alphaxiv_language = links.value("alphaxiv-language", spec.alphaxiv_language);
  const json& sections = block.at("sections");
  spec.section_heading_level = sections.value("heading-level", spec.section_heading_level);
  spec.allow_extra_sections = sections.value("allow-extra", spec.allow_extra_sections);
  for (const json& section : sections.at("required")) {
    spec.sections.push_back(
        SectionSpec{section.at("name"), section.value("bullet-labels", std::vector<std::string>{})});
  }
  return spec;
}

std::string FirstViolation(const std::vector<SchemaViolation>& violations, const std::string& prefix) {
  const SchemaViolation& first = violations.front();
  return (prefix + first.pointer).empty() ? first.message : prefix + first.pointer + ": " + first.message;
}

}  // namespace

std::optional<Schema> Schema::Load(std::string_view json_text, std::string* error, bool checked) {
  Schema schema;
  try {
    schema.document_ = json::parse(json_text.begin(), json_text.end());
  } catch (const json::parse_error& e) {
    // e.byte is 1-based and points just past the offending character.
    const SourceText text{std::string(json_text)};
    const Position at = text.PositionOf(e.byte > 0 ? e.byte - 1 : 0);
    const std::string what = e.what();
    const size_t detail = what.find("syntax error");
    *error = "line " + std::to_string(at.line) + ", column " + std::to_string(at.column) +
             ": not valid JSON: " + (detail == std::string::npos ? what : what.substr(detail));
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
  schema.spec_ = ReadPostSpec(block);
  auto title_date = std::make_shared<const RE2>(schema.spec_.title_date_pattern, RE2::Quiet);
  if (!title_date->ok() || title_date->NumberOfCapturingGroups() != 1) {
    *error = "/x-digestlint/front-matter/title-date-pattern: " +
             (title_date->ok() ? std::string("needs exactly one capture group (the date)") : title_date->error());
    return std::nullopt;
  }
  schema.spec_.title_date = std::move(title_date);
  if (schema.spec_.section_heading_level <= schema.spec_.paper_heading_level) {
    *error = "/x-digestlint/sections/heading-level: must be deeper than the paper heading level (" +
             std::to_string(schema.spec_.paper_heading_level) + ")";
    return std::nullopt;
  }
  try {
    schema.front_matter_ = std::make_shared<const JsonSchema>(schema.document_);
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

Schema Schema::WithLanguage(const std::string& language) const {
  Schema copy = *this;
  copy.spec_.alphaxiv_language = language;
  return copy;
}

std::vector<SchemaViolation> Schema::Validate(const json& front_matter) const {
  return front_matter_->Validate(front_matter, "the front matter");
}

}  // namespace digestlint
