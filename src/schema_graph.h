#pragma once
// The structure of a JSON Schema document, checked before valijson sees it:
// which objects are schemas, how they lead to each other ($ref, allOf,
// properties, ...), and the bounds that keep valijson's recursion finite and
// within a thread's stack.

#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace digestlint {

/// Why a schema cannot be used, with the JSON pointer of the problem first
/// ("/properties/title/pattern: invalid pattern /(?<=a)/: ...").
class SchemaError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A SchemaError's text: the pointer (the root is "the schema"), then what.
std::string Located(const std::string& pointer, const std::string& what);

/// The deepest JSON nesting a schema or a validated value may have.
constexpr int kMaxJsonDepth = 64;
/// The longest chain of schemas one schema may lead through ($ref, allOf, not,
/// properties, ...): valijson follows it recursively, when compiling and when
/// validating, so it must fit the stack of any thread.
constexpr size_t kMaxSchemaChain = 256;

/// Every schema object in a document, and how they lead to each other.
struct SchemaGraph {
  std::vector<std::string> nodes;  // JSON pointers, in the order found
  std::map<std::string, size_t> index;
  // Edges to sub-schemas checked against the same value (allOf, anyOf, oneOf,
  // not, if, then, else, dependencies, $ref) and against a part of it
  // (properties, items, ...): valijson recurses along both.
  std::vector<std::vector<size_t>> same_value;
  std::vector<std::vector<size_t>> part_of_value;
  std::set<std::string> pattern_properties;  // pointers of patternProperties maps
  std::vector<std::string> references;       // every $ref target

  /// Adds a schema (once) and queues it in `pending`; returns its index.
  size_t Add(const std::string& pointer, std::vector<size_t>* pending);
};

/// Finds every schema in `document` and checks its bounds; throws SchemaError
/// when it is nested deeper than kMaxJsonDepth, has a $ref outside the
/// document or into patternProperties, a cycle that never descends into the
/// value, or a chain longer than kMaxSchemaChain.
SchemaGraph AnalyzeSchema(const nlohmann::json& document);

/// The pointer of the first value nested deeper than kMaxJsonDepth, if any.
std::optional<std::string> DeeperThanLimit(const nlohmann::json& value);

/// The offset of the first '{' or '[' of JSON text that opens a value nested
/// deeper than kMaxJsonDepth, if any; strings are skipped and the text need not
/// be valid JSON. Check text from outside with it before parsing: nlohmann
/// copies and compares values recursively, so a deeper one overflows the stack.
std::optional<size_t> FirstTooDeepBracket(std::string_view json_text);

/// "#/definitions/a%20b" -> "/definitions/a b", as valijson reads a local
/// $ref; nullopt for a reference to another document.
std::optional<std::string> LocalReference(const std::string& reference);
/// Whether `pointer` is a syntactically valid JSON pointer.
bool ValidPointer(const std::string& pointer);

/// Unescaped reference tokens of a JSON pointer: "/tags/0" gives {"tags", "0"}.
std::vector<std::string> PointerTokens(const std::string& pointer);
/// The JSON pointer of `tokens`.
std::string PointerOf(const std::vector<std::string>& tokens);

}  // namespace digestlint
