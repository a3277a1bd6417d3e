#include "json_schema.h"

#include <cctype>

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

namespace digestlint {

namespace {

using nlohmann::json;

std::shared_ptr<const valijson::Schema> Compile(const json& document) {
  auto schema = std::make_shared<valijson::Schema>();
  valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
  const valijson::adapters::NlohmannJsonAdapter adapter(document);
  parser.populateSchema(adapter, *schema);
  return schema;
}

std::string TypePhrase(const std::string& type) {
  if (type == "object") return "a mapping";
  if (type == "array") return "a list";
  if (type == "string") return "a string";
  if (type == "integer") return "an integer";
  if (type == "number") return "a number";
  if (type == "boolean") return "true or false";
  if (type == "null") return "empty";
  return type;
}

std::string ActualTypePhrase(const json& value) {
  switch (value.type()) {
    case json::value_t::object:
      return "a mapping";
    case json::value_t::array:
      return "a list";
    case json::value_t::string:
      return "a string";
    case json::value_t::boolean:
      return "true or false";
    case json::value_t::null:
      return "empty";
    case json::value_t::number_float:
      return "a number";
    default:
      return "an integer";
  }
}

std::string ShortValue(const json& value) {
  std::string text = value.dump();
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  return text;
}

// Unescaped reference tokens of a JSON pointer: "/tags/0" gives {"tags", "0"}.
std::vector<std::string> PointerTokens(const std::string& pointer) {
  std::vector<std::string> tokens;
  json::json_pointer remaining(pointer);
  while (!remaining.empty()) {
    tokens.insert(tokens.begin(), remaining.back());
    remaining.pop_back();
  }
  return tokens;
}

// "/tags/0" reads as "'tags[0]'"; the root as `root_name`.
std::string DisplayName(const std::string& pointer, const std::string& root_name) {
  if (pointer.empty()) return root_name;
  std::string name;
  for (const std::string& token : PointerTokens(pointer)) {
    const bool index = !token.empty() && token.find_first_not_of("0123456789") == std::string::npos;
    if (index && !name.empty()) {
      name += "[" + token + "]";
    } else {
      name += (name.empty() ? "" : ".") + token;
    }
  }
  return "'" + name + "'";
}

// The sub-schema that applies to the value at `pointer`, or null.
const json* SubSchemaAt(const json& schema, const std::string& pointer) {
  const json* current = &schema;
  for (const std::string& token : PointerTokens(pointer)) {
    if (!current->is_object()) return nullptr;
    if (current->contains("properties") && (*current)["properties"].contains(token)) {
      current = &(*current)["properties"][token];
    } else if (current->contains("items") && (*current)["items"].is_object()) {
      current = &(*current)["items"];
    } else if (current->contains("additionalProperties") && (*current)["additionalProperties"].is_object()) {
      current = &(*current)["additionalProperties"];
    } else {
      return nullptr;
    }
  }
  return current;
}

std::string ContextToPointer(const std::vector<std::string>& context) {
  json::json_pointer pointer;
  for (const std::string& part : context) {
    if (part.size() >= 2 && part.front() == '[' && part.back() == ']') {
      pointer /= part.substr(1, part.size() - 2);
    }
  }
  return pointer.to_string();
}

// The last quoted part of a valijson message: the property name.
std::string LastQuoted(const std::string& text) {
  const size_t last = text.rfind('\'');
  const size_t first = last == std::string::npos || last == 0 ? std::string::npos : text.rfind('\'', last - 1);
  if (first == std::string::npos) return "";
  return text.substr(first + 1, last - first - 1);
}

bool StartsWith(const std::string& text, std::string_view prefix) { return text.rfind(prefix, 0) == 0; }

// Turns valijson's technical error list into one plain sentence per problem.
std::vector<SchemaViolation> PlainViolations(const json& schema, const valijson::Schema& compiled, const json& target,
                                             const std::string& root_name) {
  // valijson compiles each "pattern" into a std::regex and caches it in the
  // Validator: keep one per thread, so that happens once per run, not per post.
  thread_local valijson::Validator validator;
  valijson::ValidationResults results;
  const valijson::adapters::NlohmannJsonAdapter adapter(target);
  if (validator.validate(compiled, adapter, &results)) return {};

  std::vector<SchemaViolation> violations;
  valijson::ValidationResults::Error error;
  while (results.popError(error)) {
    const std::string& text = error.description;
    // Wrappers that only repeat an inner error.
    if (StartsWith(text, "Failed to validate against schema associated with") ||
        StartsWith(text, "Failed to validate item #") ||
        StartsWith(text, "Failed to validate against additional properties schema")) {
      continue;
    }
    const std::string pointer = ContextToPointer(error.context);
    const json* rules = SubSchemaAt(schema, pointer);
    const json value = target.contains(json::json_pointer(pointer)) ? target.at(json::json_pointer(pointer)) : json();
    const std::string name = DisplayName(pointer, root_name);
    // The keyword of the sub-schema, or null where it is not there (or behind a $ref).
    const auto keyword = [&](const char* key) { return rules && rules->contains(key) ? rules->at(key) : json(); };
    const std::string described = keyword("description").is_string() ? std::string(keyword("description")) : "";
    SchemaViolation violation{pointer, "", "", std::nullopt};
    if (StartsWith(text, "Missing required property")) {
      const std::string key = LastQuoted(text);
      const json* key_rules = SubSchemaAt(schema, (json::json_pointer(pointer) / key).to_string());
      violation.message = "missing required key '" + key + "'";
      violation.missing_key = key;
      if (key_rules && key_rules->contains("default")) violation.default_value = (*key_rules)["default"];
      if (key_rules && key_rules->contains("description") && (*key_rules)["description"].is_string()) {
        violation.message += " (" + std::string((*key_rules)["description"]) + ")";
      }
      if (!pointer.empty()) violation.message += " in " + name;
    } else if (StartsWith(text, "Object contains a property that could not be validated")) {
      const std::string key = LastQuoted(text);
      violation.pointer = (json::json_pointer(pointer) / key).to_string();
      violation.message = "unknown key '" + key + "'";
    } else if (StartsWith(text, "Value type not permitted")) {
      std::string expected;
      const json types = keyword("type");
      for (const json& type : types.is_array() ? types : json::array({types})) {
        if (!type.is_string()) continue;
        expected += (expected.empty() ? "" : " or ") + TypePhrase(type);
      }
      violation.message = name + " must be " + expected + " but is " + ActualTypePhrase(value);
    } else if (StartsWith(text, "Failed to match regex")) {
      const json pattern = keyword("pattern");
      violation.message = name + " is " + ShortValue(value) + " but must be of the form " +
                          (!described.empty()    ? described
                           : pattern.is_string() ? "/" + pattern.get<std::string>() + "/"
                                                 : std::string("the schema's pattern"));
    } else if (StartsWith(text, "Failed to match against any enum values")) {
      std::string allowed;
      const json options = keyword("enum");
      for (const json& option : options.is_array() ? options : json::array()) {
        allowed += (allowed.empty() ? "" : ", ") + option.dump();
      }
      violation.message = name + " is " + ShortValue(value) + " but must be " +
                          (allowed.empty() ? std::string("one of the values the schema allows") : "one of: " + allowed);
    } else if (StartsWith(text, "Failed to match expected value set by 'const'")) {
      violation.message = name + " is " + ShortValue(value) + " but must be " + keyword("const").dump();
    } else if (StartsWith(text, "Array should contain no fewer than")) {
      const std::string count = text.substr(std::string("Array should contain no fewer than ").size());
      const std::string number = count.substr(0, count.find(' '));
      violation.message = name + " must have at least " + number + (number == "1" ? " item" : " items");
    } else if (text.find("uniqueness constraint") != std::string::npos) {
      violation.message = name + " lists the same value more than once";
    } else {
      std::string lowered = text;
      if (!lowered.empty()) lowered[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(lowered[0])));
      if (!lowered.empty() && lowered.back() == '.') lowered.pop_back();
      violation.message = name + ": " + lowered;
    }
    violations.push_back(std::move(violation));
  }
  return violations;
}

}  // namespace

JsonSchema::JsonSchema(json document) : document_(std::move(document)), compiled_(Compile(document_)) {}

std::vector<SchemaViolation> JsonSchema::Validate(const json& target, const std::string& root_name) const {
  return PlainViolations(document_, *compiled_, target, root_name);
}

const json* JsonSchema::SubSchemaAt(const std::string& pointer) const {
  return digestlint::SubSchemaAt(document_, pointer);
}

}  // namespace digestlint
