#pragma once
// A schema: a JSON Schema (draft-07) for the front matter, plus the
// `x-digestlint` block that describes the rest of the post (digest_format.h).
// Nothing about a particular blog is hard-coded in the code: it is all here.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "digest_format.h"
#include "json_schema.h"

namespace digestlint {

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

  const DigestFormat& format() const { return *format_; }
  /// The schema as parsed (what a cache of facts built under it depends on).
  const nlohmann::json& document() const { return document_; }
  std::vector<SchemaViolation> Validate(const nlohmann::json& front_matter) const;

 private:
  nlohmann::json document_;
  std::shared_ptr<const JsonSchema> front_matter_;
  std::shared_ptr<const DigestFormat> format_;
};

}  // namespace digestlint
