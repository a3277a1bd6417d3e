#pragma once
// JSON Schema (draft-07) validation with valijson, each violation turned into
// one plain sentence that names the offending value by its JSON pointer.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace valijson {
class Schema;
}

namespace digestlint {

/// One value that breaks a schema, in plain words.
struct SchemaViolation {
  std::string pointer;  // JSON pointer of the offending value ("" = root)
  std::string message;
  std::string missing_key;                      // for a missing required key
  std::optional<nlohmann::json> default_value;  // the schema's default for it
};

/// A compiled JSON Schema (draft-07) whose violations read as plain sentences.
class JsonSchema {
 public:
  /// Compiles `document`; throws std::exception when valijson cannot.
  explicit JsonSchema(nlohmann::json document);
  /// `root_name` names the whole value in messages ("the front matter").
  std::vector<SchemaViolation> Validate(const nlohmann::json& target, const std::string& root_name) const;
  /// The sub-schema for the value at `pointer`, or nullptr.
  const nlohmann::json* SubSchemaAt(const std::string& pointer) const;

 private:
  nlohmann::json document_;
  std::shared_ptr<const valijson::Schema> compiled_;
};

}  // namespace digestlint
