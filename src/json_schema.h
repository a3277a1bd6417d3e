#pragma once
// JSON Schema (draft-07) validation with valijson, each violation turned into
// one plain sentence that names the offending value by its JSON pointer.
//
// Debian's valijson 1.0 matches `pattern`, `patternProperties` and the
// date/time formats with std::regex, which recurses per character (a long
// string overflows the stack), backtracks exponentially and throws on RE2
// syntax such as \p{L}. So valijson never sees those keywords: `pattern` is
// checked by an RE2 constraint at the same place, `patternProperties` become
// plain `properties` for the names each checked value has, and a date/time
// string is bounded in length before valijson's own check. Every schema is
// also bounded when it loads: nesting depth, `$ref` chains and cycles.

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "schema_graph.h"

namespace valijson {
class Schema;
}
namespace re2 {
class RE2;
}

namespace digestlint {

/// How messages name the value at a JSON pointer: "/tags/0" is "'tags[0]'",
/// the root is `root_name`.
std::string DisplayName(const std::string& pointer, const std::string& root_name);

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
  /// Compiles `document`; throws SchemaError when it is too deep, has a `$ref`
  /// cycle or a chain longer than the limit, a pattern RE2 cannot compile, or
  /// anything else valijson refuses.
  explicit JsonSchema(nlohmann::json document);
  ~JsonSchema();
  /// `root_name` names the whole value in messages ("the front matter"). A
  /// value nested deeper than kMaxJsonDepth is one violation, not validated.
  std::vector<SchemaViolation> Validate(const nlohmann::json& target, const std::string& root_name) const;
  /// The sub-schema for the value at `pointer`, or nullptr.
  const nlohmann::json* SubSchemaAt(const std::string& pointer) const;

  /// Where `patternProperties` were taken out of valijson's view.
  struct PatternPropertiesSite;

 private:
  std::shared_ptr<const valijson::Schema> CompiledFor(const nlohmann::json& target) const;

  nlohmann::json document_;      // as written, for messages
  nlohmann::json for_valijson_;  // without the keywords valijson would match with std::regex
  // Every `pattern` and patternProperties key, compiled, by its text.
  std::map<std::string, std::shared_ptr<const re2::RE2>> patterns_;
  std::vector<PatternPropertiesSite> pattern_properties_;
  std::shared_ptr<const valijson::Schema> compiled_;
  // With patternProperties: one compiled schema per set of matching names.
  mutable std::mutex expanded_mutex_;
  mutable std::map<std::string, std::shared_ptr<const valijson::Schema>> expanded_;
};

}  // namespace digestlint
