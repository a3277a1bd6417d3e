#pragma once
// The schema: a JSON Schema (draft-07) for the front matter, plus the
// `x-digestlint` block that describes the body. Rules read the body's layout
// from PostSpec; nothing about a particular blog is hard-coded in a rule.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "json_schema.h"

namespace re2 {
class RE2;
}

namespace digestlint {

struct SectionSpec {
  std::string name;                        // heading text, e.g. "Introduction"
  std::vector<std::string> bullet_labels;  // e.g. "Goal" for "- Goal: ..."
};

struct PostSpec {
  std::string title_key = "title";
  std::string date_key = "date";
  // RE2 pattern with one capture group: the YYYY-MM-DD date inside the title.
  std::string title_date_pattern;
  std::shared_ptr<const re2::RE2> title_date;  // compiled once, at load
  int paper_heading_level = 1;
  int numbering_start = 1;
  std::string alphaxiv_label = "Alphaxiv";
  std::string alphaxiv_language;  // "" means English: no language segment
  int section_heading_level = 2;
  std::vector<SectionSpec> sections;  // required, in order
  bool allow_extra_sections = false;
};

class Schema {
 public:
  /// Parses and checks a schema file; on failure returns nullopt and sets
  /// `error` to a message naming the JSON pointer (or line) of the problem.
  /// `checked` false skips the draft-07 and x-digestlint checks, for the
  /// built-in schema only (schema_test checks it; it saves a third of the
  /// start-up work of a one-post run).
  static std::optional<Schema> Load(std::string_view json_text, std::string* error, bool checked = true);
  /// The schema compiled into the binary (schemas/daily-papers.schema.json).
  static const Schema& Default();

  const PostSpec& spec() const { return spec_; }
  std::vector<SchemaViolation> Validate(const nlohmann::json& front_matter) const;
  /// The same schema with another Alphaxiv language segment.
  Schema WithLanguage(const std::string& language) const;

 private:
  nlohmann::json document_;
  std::shared_ptr<const JsonSchema> front_matter_;  // the document without x-digestlint's meaning
  PostSpec spec_;
};

}  // namespace digestlint
