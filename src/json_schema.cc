#include "json_schema.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <utility>

#include <re2/re2.h>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/constraint_builder.hpp>
#include <valijson/constraints/concrete_constraints.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "schema_graph.h"
#include "user_pattern.h"

namespace digestlint {

using nlohmann::json;

struct JsonSchema::PatternPropertiesSite {
  std::string pointer;       // of the schema object holding them, in the document as written
  std::string view_pointer;  // the same object in valijson's view
  std::vector<std::pair<std::shared_ptr<const re2::RE2>, std::string>> patterns;  // and the key it is written as
};

namespace {

// Keywords of valijson's view that stand for the ones it must not see.
constexpr const char* kPatternKeyword = "x-digestlint-re2-pattern";
constexpr const char* kFormatKeyword = "x-digestlint-bounded-format";
constexpr const char* kParkedPatternProperties = "x-digestlint-pattern-properties";
// The longest string checked against format date, time or date-time: a valid
// one is about 30 characters; valijson would run std::regex on any length.
constexpr size_t kMaxFormatLength = 64;

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

// valijson's view of a `pattern`: matched with RE2 where valijson would have
// used std::regex, with valijson's words, so messages stay the same.
class Re2PatternConstraint : public valijson::constraints::PolyConstraint {
 public:
  explicit Re2PatternConstraint(std::shared_ptr<const re2::RE2> regex) : regex_(std::move(regex)) {}
  bool validate(const valijson::adapters::Adapter& target, const std::vector<std::string>& context,
                valijson::ValidationResults* results) const override {
    if (!target.isString() || RE2::PartialMatch(target.getString(), *regex_)) return true;
    if (results) results->pushError(context, "Failed to match regex specified by 'pattern' constraint.");
    return false;
  }

 private:
  Constraint* cloneInto(void* memory) const override { return new (memory) Re2PatternConstraint(*this); }
  size_t sizeOf() const override { return sizeof(Re2PatternConstraint); }
  std::shared_ptr<const re2::RE2> regex_;
};

class Re2PatternBuilder : public valijson::ConstraintBuilder {
 public:
  explicit Re2PatternBuilder(const std::map<std::string, std::shared_ptr<const re2::RE2>>& patterns)
      : patterns_(patterns) {}
  valijson::constraints::Constraint* make(const valijson::adapters::Adapter& value) const override {
    return new Re2PatternConstraint(patterns_.at(value.getString()));
  }

 private:
  const std::map<std::string, std::shared_ptr<const re2::RE2>>& patterns_;
};

// valijson's date, time and date-time check (std::regex on the whole string),
// run only on strings short enough for a valid value.
class BoundedFormatConstraint : public valijson::constraints::PolyConstraint {
 public:
  explicit BoundedFormatConstraint(std::string format) : format_(std::move(format)) {}
  bool validate(const valijson::adapters::Adapter& target, const std::vector<std::string>& context,
                valijson::ValidationResults* results) const override {
    if (!target.isString()) return true;
    const std::string text = target.getString();
    valijson::ValidationResults inner;
    if (text.size() <= kMaxFormatLength) {
      valijson::Validator validator;
      const json value = text;
      if (validator.validate(FormatOnly(format_), valijson::adapters::NlohmannJsonAdapter(value), &inner)) return true;
    }
    // valijson's own words for a string that is not of the format.
    if (results) results->pushError(context, "String should be a valid " + format_);
    return false;
  }

 private:
  // {"format": FORMAT}, compiled once per format.
  static const valijson::Schema& FormatOnly(const std::string& format) {
    static const auto compile = [](const char* name) {
      auto schema = std::make_unique<valijson::Schema>();
      const json document = {{"format", name}};
      valijson::SchemaParser(valijson::SchemaParser::kDraft7)
          .populateSchema(valijson::adapters::NlohmannJsonAdapter(document), *schema);
      return schema;
    };
    static const std::unique_ptr<valijson::Schema> kDate = compile("date");
    static const std::unique_ptr<valijson::Schema> kTime = compile("time");
    static const std::unique_ptr<valijson::Schema> kDateTime = compile("date-time");
    return format == "date" ? *kDate : format == "time" ? *kTime : *kDateTime;
  }
  Constraint* cloneInto(void* memory) const override { return new (memory) BoundedFormatConstraint(*this); }
  size_t sizeOf() const override { return sizeof(BoundedFormatConstraint); }
  std::string format_;
};

class BoundedFormatBuilder : public valijson::ConstraintBuilder {
 public:
  valijson::constraints::Constraint* make(const valijson::adapters::Adapter& value) const override {
    return new BoundedFormatConstraint(value.getString());
  }
};

std::shared_ptr<const valijson::Schema> Compile(
    const json& view, const std::map<std::string, std::shared_ptr<const re2::RE2>>& patterns) {
  auto schema = std::make_shared<valijson::Schema>();
  valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
  parser.addConstraintBuilder(kPatternKeyword, new Re2PatternBuilder(patterns));
  parser.addConstraintBuilder(kFormatKeyword, new BoundedFormatBuilder());
  parser.populateSchema(valijson::adapters::NlohmannJsonAdapter(view), *schema);
  return schema;
}

bool IsDateFormat(const json& format) {
  return format.is_string() && (format == "date" || format == "time" || format == "date-time");
}

// A JSON pointer as the fragment of a $ref valijson reads back unchanged.
std::string ReferenceTo(const std::string& pointer) {
  static const char* kHex = "0123456789ABCDEF";
  std::string reference = "#";
  for (const char c : pointer) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || std::string_view("/-._~").find(c) != std::string_view::npos) {
      reference += c;
    } else {
      reference += {'%', kHex[byte >> 4], kHex[byte & 15]};
    }
  }
  return reference;
}

// The JSON pointer, in valijson's view, of a schema at `pointer` in the
// document as written: patternProperties maps are parked under another key.
std::string ViewPointer(const std::string& pointer, const std::set<std::string>& pattern_properties) {
  std::vector<std::string> tokens;
  std::vector<std::string> written;
  for (const std::string& token : PointerTokens(pointer)) {
    written.push_back(token);
    tokens.push_back(pattern_properties.count(PointerOf(written)) ? kParkedPatternProperties : token);
  }
  return PointerOf(tokens);
}

void CollectNames(const json& value, int depth, std::set<std::string>* names) {
  if (depth > kMaxJsonDepth) return;
  if (value.is_object()) {
    for (const auto& [key, child] : value.items()) {
      names->insert(key);
      CollectNames(child, depth + 1, names);
    }
  } else if (value.is_array()) {
    for (const json& child : value) CollectNames(child, depth + 1, names);
  }
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
std::vector<SchemaViolation> PlainViolations(const JsonSchema& schema, const valijson::Schema& compiled,
                                             const json& target, const std::string& root_name) {
  valijson::Validator validator;
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
        StartsWith(text, "Failed to validate against child schema #") ||
        StartsWith(text, "Failed to validate against additional properties schema")) {
      continue;
    }
    const std::string pointer = ContextToPointer(error.context);
    const json* rules = schema.SubSchemaAt(pointer);
    const json value = target.contains(json::json_pointer(pointer)) ? target.at(json::json_pointer(pointer)) : json();
    const std::string name = DisplayName(pointer, root_name);
    // The keyword of the sub-schema, or null where it is not there (or behind a $ref).
    const auto keyword = [&](const char* key) { return rules && rules->contains(key) ? rules->at(key) : json(); };
    const std::string described = keyword("description").is_string() ? std::string(keyword("description")) : "";
    SchemaViolation violation{pointer, "", "", std::nullopt};
    if (StartsWith(text, "Missing required property")) {
      const std::string key = LastQuoted(text);
      const json* key_rules = schema.SubSchemaAt((json::json_pointer(pointer) / key).to_string());
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
      violation.message = expected.empty()
                              ? name + " is " + ActualTypePhrase(value) + ", a type the schema does not allow"
                              : name + " must be " + expected + " but is " + ActualTypePhrase(value);
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

JsonSchema::JsonSchema(json document) : document_(std::move(document)) {
  const SchemaGraph graph = AnalyzeSchema(document_);

  // valijson's view: every pattern and date format replaced, patternProperties parked.
  for_valijson_ = document_;
  std::vector<std::string> sites;
  for (const std::string& pointer : graph.nodes) {
    const json& schema = document_.at(json::json_pointer(pointer));
    if (!schema.is_object()) continue;
    json& view = for_valijson_.at(json::json_pointer(pointer));
    for (const char* ours : {kPatternKeyword, kFormatKeyword, kParkedPatternProperties}) view.erase(ours);
    if (schema.contains("pattern") && schema["pattern"].is_string()) {
      const std::string pattern = schema["pattern"];
      std::string problem;
      std::shared_ptr<const re2::RE2> regex = CompileUserPattern(pattern, false, &problem);
      if (!regex) throw SchemaError(Located((json::json_pointer(pointer) / "pattern").to_string(), problem));
      patterns_.emplace(pattern, std::move(regex));
      view.erase("pattern");
      view[kPatternKeyword] = pattern;
    }
    if (schema.contains("format") && IsDateFormat(schema["format"])) {
      view[kFormatKeyword] = view["format"];
      view.erase("format");
    }
    if (schema.contains("patternProperties") && schema["patternProperties"].is_object()) sites.push_back(pointer);
  }
  // Deepest first, so the pointers of the ones not yet moved stay valid.
  std::sort(sites.begin(), sites.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  for (const std::string& pointer : sites) {
    PatternPropertiesSite site{pointer, ViewPointer(pointer, graph.pattern_properties), {}};
    for (const auto& [key, unused] : document_.at(json::json_pointer(pointer))["patternProperties"].items()) {
      std::string problem;
      std::shared_ptr<const re2::RE2> regex = CompileUserPattern(key, false, &problem);
      if (!regex) {
        throw SchemaError(Located((json::json_pointer(pointer) / "patternProperties" / key).to_string(), problem));
      }
      patterns_.emplace(key, regex);
      site.patterns.emplace_back(std::move(regex), key);
    }
    json& view = for_valijson_.at(json::json_pointer(pointer));
    view[kParkedPatternProperties] = std::move(view["patternProperties"]);
    view.erase("patternProperties");
    pattern_properties_.push_back(std::move(site));
  }
  try {
    compiled_ = Compile(for_valijson_, patterns_);
  } catch (const std::exception& e) {
    throw SchemaError(std::string("cannot be compiled: ") + e.what());
  }
}

JsonSchema::~JsonSchema() = default;

// valijson's view with patternProperties turned into plain properties for the
// names `target` has: valijson then applies them, and additionalProperties
// only to the names no pattern matched, exactly as draft-07 says.
std::shared_ptr<const valijson::Schema> JsonSchema::CompiledFor(const json& target) const {
  if (pattern_properties_.empty()) return compiled_;
  std::set<std::string> names;
  CollectNames(target, 0, &names);
  std::string key;  // the matches, which decide the view
  std::vector<std::pair<const PatternPropertiesSite*, std::pair<std::string, std::vector<std::string>>>> matches;
  for (const PatternPropertiesSite& site : pattern_properties_) {
    for (const std::string& name : names) {
      std::vector<std::string> schemas;
      for (const auto& [regex, written] : site.patterns) {
        if (RE2::PartialMatch(name, *regex)) schemas.push_back(written);
      }
      if (schemas.empty()) continue;
      key += site.pointer + '\0' + name + '\0';
      for (const std::string& written : schemas) key += written + '\0';
      matches.push_back({&site, {name, std::move(schemas)}});
    }
  }
  if (matches.empty()) return compiled_;
  std::lock_guard<std::mutex> lock(expanded_mutex_);
  if (const auto found = expanded_.find(key); found != expanded_.end()) return found->second;
  json view = for_valijson_;
  for (const auto& [site, match] : matches) {
    const auto& [name, schemas] = match;
    json& object = view.at(json::json_pointer(site->view_pointer));
    json applying = json::array();
    if (object.contains("properties") && object["properties"].contains(name)) {
      applying.push_back(object["properties"][name]);
    }
    for (const std::string& written : schemas) {
      const std::string parked =
          (json::json_pointer(site->view_pointer) / kParkedPatternProperties / written).to_string();
      applying.push_back({{"$ref", ReferenceTo(parked)}});
    }
    object["properties"][name] = applying.size() == 1 ? applying[0] : json{{"allOf", applying}};
  }
  constexpr size_t kMaxExpanded = 64;  // distinct name sets kept; beyond, compiled per value
  std::shared_ptr<const valijson::Schema> compiled = Compile(view, patterns_);
  if (expanded_.size() < kMaxExpanded) expanded_.emplace(key, compiled);
  return compiled;
}

std::vector<SchemaViolation> JsonSchema::Validate(const json& target, const std::string& root_name) const {
  if (const std::optional<std::string> where = DeeperThanLimit(target)) {
    return {SchemaViolation{
        *where, "nested deeper than " + std::to_string(kMaxJsonDepth) + " levels; digestlint checks no deeper", "",
        std::nullopt}};
  }
  return PlainViolations(*this, *CompiledFor(target), target, root_name);
}

const json* JsonSchema::SubSchemaAt(const std::string& pointer) const {
  // Follows local $refs (cycles of them were refused at load; the bound is a backstop).
  const auto resolved = [&](const json* schema) {
    for (size_t hops = 0; schema && schema->is_object() && schema->contains("$ref") && hops < kMaxSchemaChain; ++hops) {
      const json& reference = (*schema)["$ref"];
      const std::optional<std::string> target =
          reference.is_string() ? LocalReference(reference.get<std::string>()) : std::nullopt;
      if (!target || !ValidPointer(*target) || !document_.contains(json::json_pointer(*target))) return schema;
      schema = &document_.at(json::json_pointer(*target));
    }
    return schema;
  };
  const json* current = resolved(&document_);
  for (const std::string& token : PointerTokens(pointer)) {
    if (!current->is_object()) return nullptr;
    const json* next = nullptr;
    if (current->contains("properties") && (*current)["properties"].contains(token)) {
      next = &(*current)["properties"][token];
    } else if (current->contains("patternProperties") && (*current)["patternProperties"].is_object()) {
      for (const auto& [written, schema] : (*current)["patternProperties"].items()) {
        const auto regex = patterns_.find(written);
        if (regex != patterns_.end() && RE2::PartialMatch(token, *regex->second)) {
          next = &schema;
          break;
        }
      }
    }
    if (!next && current->contains("items") && (*current)["items"].is_object()) {
      next = &(*current)["items"];
    } else if (!next && current->contains("additionalProperties") && (*current)["additionalProperties"].is_object()) {
      next = &(*current)["additionalProperties"];
    }
    if (!next) return nullptr;
    current = resolved(next);
  }
  return current;
}

}  // namespace digestlint
