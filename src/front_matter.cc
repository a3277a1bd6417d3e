#include "front_matter.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>
#include <system_error>
#include <vector>

#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include "json_schema.h"

namespace digestlint {

namespace {

bool IsFenceLine(std::string_view line, std::string_view fence) {
  if (line.substr(0, fence.size()) != fence) return false;
  return line.find_first_not_of(" \t", fence.size()) == std::string_view::npos;
}

class LimitExceeded : public std::runtime_error {
 public:
  LimitExceeded(const std::string& what, size_t at) : std::runtime_error(what), offset(at) {}
  size_t offset;
};

// Whether a number written in decimal notation (`digits` with an optional
// '.' and exponent, no sign) is too large, rather than too small, for a
// double: its order of magnitude without computing it.
bool AboveDoubleRange(std::string_view digits) {
  const size_t e = digits.find_first_of("eE");
  const std::string_view mantissa = digits.substr(0, e);
  int64_t exponent = 0;
  if (e != std::string_view::npos) {
    std::string_view written = digits.substr(e + 1);
    if (!written.empty() && written.front() == '+') written.remove_prefix(1);
    const auto [end, error] = std::from_chars(written.data(), written.data() + written.size(), exponent);
    if (error == std::errc::result_out_of_range) return written.front() != '-';
  }
  const size_t point = std::min(mantissa.find('.'), mantissa.size());
  const size_t first = mantissa.find_first_of("123456789");
  if (first == std::string_view::npos) return false;  // zero
  // 10^magnitude <= value < 10^(magnitude + 1)
  const int64_t magnitude = static_cast<int64_t>(point) - static_cast<int64_t>(first) - (first < point ? 1 : 0);
  return magnitude + exponent > 0;
}

// Reads a YAML 1.2 core-schema integer or float with std::from_chars (no
// exceptions, no locale). Out of range, it still gives the value YAML libraries
// give (a double, infinity or 0) and says why in `problem`.
nlohmann::json ReadNumber(const std::string& text, bool integer, std::string* problem) {
  const bool negative = text.front() == '-';
  const std::string_view digits = std::string_view(text).substr(text.front() == '-' || text.front() == '+' ? 1 : 0);
  const char* begin = digits.data();
  const char* end = digits.data() + digits.size();
  if (integer) {
    uint64_t magnitude = 0;
    constexpr uint64_t kMostNegative = uint64_t{1} << 63;  // |INT64_MIN|
    if (std::from_chars(begin, end, magnitude).ec == std::errc() && magnitude <= kMostNegative - (negative ? 0 : 1)) {
      if (!negative) return static_cast<int64_t>(magnitude);
      return magnitude == kMostNegative ? std::numeric_limits<int64_t>::min() : -static_cast<int64_t>(magnitude);
    }
    *problem = "an integer beyond the 64-bit range (" + std::to_string(digits.size()) +
               " digits): digestlint reads it as an approximate number";
  }
  double value = 0;
  if (std::from_chars(begin, end, value).ec == std::errc()) return negative ? -value : value;
  if (AboveDoubleRange(digits)) {
    *problem = "too large for a number (beyond ±1.8e308): it reads as infinity";
    value = std::numeric_limits<double>::infinity();
  } else {
    *problem = "too small for a number (below 4.9e-324): it reads as 0";
    value = 0;
  }
  return negative ? -value : value;
}

// YAML 1.2 core schema for plain (unquoted) scalars; everything else is a string.
// Timestamps stay strings: JSON has no date type.
nlohmann::json PlainScalarToJson(const std::string& value, std::string* problem) {
  static const RE2 kNull("~|null|Null|NULL|");
  static const RE2 kTrue("true|True|TRUE");
  static const RE2 kFalse("false|False|FALSE");
  static const RE2 kInt("[-+]?[0-9]+");
  static const RE2 kFloat(R"([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?)");
  if (RE2::FullMatch(value, kNull)) return nullptr;
  if (RE2::FullMatch(value, kTrue)) return true;
  if (RE2::FullMatch(value, kFalse)) return false;
  if (RE2::FullMatch(value, kInt)) return ReadNumber(value, true, problem);
  if (RE2::FullMatch(value, kFloat)) return ReadNumber(value, false, problem);
  return value;
}

// Converts yaml-cpp nodes to JSON with bounded depth and node count. yaml-cpp
// shares aliased nodes, so an alias bomb or `&a [*a]` must stop here, not
// expand without end.
class YamlToJson {
 public:
  YamlToJson(size_t base, const FrontMatterLimits& limits, YamlDocument& document)
      : base_(base), limits_(limits), document_(document) {}

  nlohmann::json Convert(const YAML::Node& node, const std::string& pointer, size_t key_offset) {
    const size_t offset = OffsetOf(node, key_offset);
    if (++node_count_ > limits_.max_nodes) {
      throw LimitExceeded("front matter has more than " + std::to_string(limits_.max_nodes) +
                              " values (aliases count each time they are used)",
                          offset);
    }
    if (static_cast<int>(ancestors_.size()) >= limits_.max_depth) {
      throw LimitExceeded("front matter is nested deeper than " + std::to_string(limits_.max_depth) + " levels",
                          offset);
    }
    for (const YAML::Node& ancestor : ancestors_) {
      if (ancestor.is(node)) throw LimitExceeded("front matter contains an alias that refers to itself", offset);
    }
    document_.locations[pointer] = YamlLocation{key_offset, offset};
    switch (node.Type()) {
      case YAML::NodeType::Null:
      case YAML::NodeType::Undefined:
        return nullptr;
      case YAML::NodeType::Scalar: {
        if (node.Tag() != "?") return node.Scalar();
        std::string problem;
        nlohmann::json value = PlainScalarToJson(node.Scalar(), &problem);
        if (!problem.empty()) document_.out_of_range.push_back(OutOfRangeNumber{pointer, node.Scalar(), problem});
        return value;
      }
      case YAML::NodeType::Sequence: {
        ancestors_.push_back(node);
        nlohmann::json array = nlohmann::json::array();
        size_t index = 0;
        for (const YAML::Node& item : node) {
          array.push_back(Convert(item, Child(pointer, std::to_string(index++)), OffsetOf(item, offset)));
        }
        ancestors_.pop_back();
        return array;
      }
      case YAML::NodeType::Map: {
        ancestors_.push_back(node);
        nlohmann::json object = nlohmann::json::object();
        for (const auto& entry : node) {
          const size_t entry_key_offset = OffsetOf(entry.first, offset);
          const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : "?";
          object[key] = Convert(entry.second, Child(pointer, key), entry_key_offset);
        }
        ancestors_.pop_back();
        return object;
      }
    }
    return nullptr;
  }

 private:
  static std::string Child(const std::string& pointer, const std::string& token) {
    return (nlohmann::json::json_pointer(pointer) / token).to_string();
  }

  size_t OffsetOf(const YAML::Node& node, size_t fallback) const {
    const YAML::Mark mark = node.Mark();
    return mark.pos >= 0 ? base_ + static_cast<size_t>(mark.pos) : fallback;
  }

  size_t base_;
  const FrontMatterLimits& limits_;
  YamlDocument& document_;  // receives locations and out-of-range numbers
  std::vector<YAML::Node> ancestors_;
  int node_count_ = 0;
};

// The common front matter, read without yaml-cpp, whose node tree cost a
// Jekyll post more CPU than all the rules: one `key: value` per line, where a
// value is a plain scalar, a quoted string without escapes, or a flow list of
// plain scalars. Anything else (blocks, comments after values, escapes, tabs,
// anchors, line breaks YAML 1.1 knows) is nullopt and goes to yaml-cpp; the
// result is the same either way (tests/front_matter_test.cc compares them on
// every fixture and on generated posts).
class SimpleYaml {
 public:
  SimpleYaml(std::string_view yaml, size_t base, const FrontMatterLimits& limits)
      : yaml_(yaml), base_(base), limits_(limits) {}

  std::optional<YamlDocument> Parse() {
    if (limits_.max_depth <= 2 || yaml_.find_first_of("\t\r") != std::string_view::npos || HasUnusualBreak()) {
      return std::nullopt;
    }
    YamlDocument document;
    document.data = nlohmann::json::object();
    int values = 1;
    for (size_t at = 0; at < yaml_.size();) {
      size_t end = yaml_.find('\n', at);
      if (end == std::string_view::npos) end = yaml_.size();
      const std::string_view line = yaml_.substr(at, end - at);
      if (!line.empty() && !Entry(line, at, document, &values)) return std::nullopt;
      at = end + 1;
    }
    if (document.data.empty() || values > limits_.max_nodes) return std::nullopt;
    document.locations[""] = YamlLocation{base_, first_key_};
    document.ok = true;
    return document;
  }

 private:
  // U+0085, U+2028 and U+2029 break lines in YAML 1.1; a BOM starts a stream.
  bool HasUnusualBreak() const {
    for (const std::string_view sequence : {"\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xEF\xBB\xBF"}) {
      if (yaml_.find(sequence) != std::string_view::npos) return true;
    }
    return std::any_of(yaml_.begin(), yaml_.end(), [](char c) {
      const auto byte = static_cast<unsigned char>(c);
      return (byte < 0x20 && c != '\n') || byte == 0x7F;
    });
  }

  static bool IsKeyChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; }

  // A plain scalar that reads the same in a block and in a flow list: it starts
  // with a letter, a digit or a non-ASCII byte, and holds no indicator that
  // could end it or start something else.
  static bool IsPlain(std::string_view value) {
    if (value.empty() || value.back() == ' ' || value.back() == ':') return false;
    const auto first = static_cast<unsigned char>(value.front());
    if (!std::isalnum(first) && first < 0x80) return false;
    if (value.find(": ") != std::string_view::npos || value.find(" #") != std::string_view::npos) return false;
    return value.find_first_of("\"'`[]{},&*!|>%@") == std::string_view::npos;
  }

  // `key: value` on a non-empty line, which starts at `at`.
  bool Entry(std::string_view line, size_t at, YamlDocument& document, int* values) {
    size_t colon = 0;
    if (!std::isalpha(static_cast<unsigned char>(line[0]))) return false;
    while (colon < line.size() && IsKeyChar(line[colon])) ++colon;
    if (line.substr(colon, 2) != ": ") return false;
    const std::string key(line.substr(0, colon));
    if (document.data.contains(key)) return false;  // yaml-cpp's duplicate-key handling is its own
    size_t start = colon + 2;
    while (start < line.size() && line[start] == ' ') ++start;
    size_t stop = line.size();
    while (stop > start && line[stop - 1] == ' ') --stop;
    const std::string_view value = line.substr(start, stop - start);
    const std::string pointer = "/" + key;  // key characters need no escaping in a pointer
    const size_t key_offset = base_ + at;
    const size_t value_offset = base_ + at + start;
    if (document.data.empty()) first_key_ = key_offset;
    ++*values;
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front()) {
      const std::string_view inner = value.substr(1, value.size() - 2);
      if (inner.find_first_of("\"'\\") != std::string_view::npos) return false;
      document.data[key] = std::string(inner);
    } else if (value.size() >= 2 && value.front() == '[' && value.back() == ']') {
      nlohmann::json list = nlohmann::json::array();
      const std::string_view inside = value.substr(1, value.size() - 2);
      if (inside.find_first_not_of(' ') != std::string_view::npos) {
        for (size_t item_start = 0; item_start <= inside.size();) {
          size_t item_end = inside.find(',', item_start);
          if (item_end == std::string_view::npos) item_end = inside.size();
          size_t first = item_start;
          while (first < item_end && inside[first] == ' ') ++first;
          size_t last = item_end;
          while (last > first && inside[last - 1] == ' ') --last;
          const std::string_view item = inside.substr(first, last - first);
          if (!IsPlain(item) || item.find_first_of(":#") != std::string_view::npos) return false;
          const std::string item_pointer = pointer + "/" + std::to_string(list.size());
          const size_t item_offset = value_offset + 1 + first;
          list.push_back(PlainValue(item, item_pointer, document));
          document.locations[item_pointer] = YamlLocation{item_offset, item_offset};
          ++*values;
          item_start = item_end + 1;
        }
      }
      document.data[key] = std::move(list);
    } else if (IsPlain(value)) {
      document.data[key] = PlainValue(value, pointer, document);
    } else {
      return false;
    }
    document.locations[pointer] = YamlLocation{key_offset, value_offset};
    return true;
  }

  // The plain scalar `value` (at `pointer`) typed as YamlToJson types yaml-cpp's.
  static nlohmann::json PlainValue(std::string_view value, const std::string& pointer, YamlDocument& document) {
    std::string problem;
    const std::string text(value);
    nlohmann::json typed = PlainScalarToJson(text, &problem);
    if (!problem.empty()) document.out_of_range.push_back(OutOfRangeNumber{pointer, text, problem});
    return typed;
  }

  std::string_view yaml_;
  size_t base_;
  const FrontMatterLimits& limits_;
  size_t first_key_ = 0;
};

}  // namespace

std::string Describe(const OutOfRangeNumber& number, const std::string& root_name) {
  constexpr size_t kShown = 40;
  const std::string shown = number.text.size() <= kShown ? number.text : number.text.substr(0, kShown) + "...";
  return DisplayName(number.pointer, root_name) + " is " + shown + ", " + number.reason;
}

const char* SyntaxName(FrontMatterSyntax syntax) { return syntax == FrontMatterSyntax::kToml ? "TOML" : "YAML"; }

FrontMatter ParseFrontMatter(const SourceText& source, bool yaml, bool toml, const FrontMatterLimits& limits) {
  FrontMatter result;
  if (source.line_count() < 1) return result;
  const bool yaml_fence = IsFenceLine(source.Line(1), "---");
  const bool toml_fence = IsFenceLine(source.Line(1), "+++");
  if (!yaml_fence && !toml_fence) return result;
  result.syntax = toml_fence ? FrontMatterSyntax::kToml : FrontMatterSyntax::kYaml;
  result.opening_fence = Span{0, source.Line(1).size()};
  if ((toml_fence && !toml) || (yaml_fence && !yaml)) {
    result.syntax_not_accepted = true;
    return result;
  }

  int closing_line = 0;
  for (int line = 2; line <= source.line_count(); ++line) {
    const std::string_view text = source.Line(line);
    if (toml_fence ? IsFenceLine(text, "+++") : IsFenceLine(text, "---") || IsFenceLine(text, "...")) {
      closing_line = line;
      break;
    }
  }
  if (closing_line == 0) {
    result.state = FrontMatter::State::kUnclosed;
    return result;
  }
  result.body_start = source.LineStart(closing_line + 1);
  result.closing_fence = Span{source.LineStart(closing_line), source.LineContentEnd(closing_line)};

  const size_t start = source.LineStart(2);
  const std::string text = source.text().substr(start, source.LineStart(closing_line) - start);
  YamlDocument document = toml_fence ? ParseToml(text, start, limits) : ParseYaml(text, start, limits);
  if (document.ok) {
    result.state = FrontMatter::State::kParsed;
    result.data = std::move(document.data);
    result.locations = std::move(document.locations);
    result.out_of_range = std::move(document.out_of_range);
  } else {
    result.state = FrontMatter::State::kInvalidSyntax;
    result.error = std::move(document.error);
    result.error_offset = document.error_offset;
  }
  return result;
}

namespace {

// A word YAML reads as a string when written plainly; anything else is written
// in JSON's notation, which is valid YAML (and, for these values, TOML).
std::string ScalarText(const nlohmann::json& value, bool toml) {
  static const RE2 kPlain("[A-Za-z][A-Za-z0-9_.-]*");
  static const RE2 kKeyword("(?i)true|false|yes|no|on|off|null|y|n");
  if (value.is_string()) {
    std::string text = value;
    if (!toml && RE2::FullMatch(text, kPlain) && !RE2::FullMatch(text, kKeyword)) return text;
  }
  return value.dump();
}

}  // namespace

std::optional<std::string> KeyLineToAppend(const SourceText& source, const FrontMatter& front_matter,
                                           const std::string& key, const nlohmann::json& value) {
  if (front_matter.state != FrontMatter::State::kParsed || !front_matter.data.is_object() || value.is_object()) {
    return std::nullopt;
  }
  const bool toml = front_matter.syntax == FrontMatterSyntax::kToml;
  if (toml && !RE2::FullMatch(key, "[A-Za-z0-9_-]+")) return std::nullopt;
  const std::string line = (toml ? key : ScalarText(key, false)) + (toml ? " = " : ": ") + ScalarText(value, toml) +
                           std::string(source.LineEnding());
  const size_t at = front_matter.closing_fence.begin;
  const size_t start = source.LineStart(2);  // as ParseFrontMatter reads it
  const std::string text = source.text().substr(start, at - start) + line;
  const YamlDocument appended = toml ? ParseToml(text, start) : ParseYaml(text, start);
  if (!appended.ok || !appended.data.is_object() || !appended.data.contains(key) || appended.data[key] != value) {
    return std::nullopt;
  }
  return line;
}

std::optional<YamlDocument> ParseSimpleYaml(std::string_view yaml, size_t base, const FrontMatterLimits& limits) {
  return SimpleYaml(yaml, base, limits).Parse();
}

YamlDocument ParseYaml(const std::string& yaml, size_t base, const FrontMatterLimits& limits) {
  if (std::optional<YamlDocument> simple = ParseSimpleYaml(yaml, base, limits)) return std::move(*simple);
  return ParseYamlWithYamlCpp(yaml, base, limits);
}

YamlDocument ParseYamlWithYamlCpp(const std::string& yaml, size_t base, const FrontMatterLimits& limits) {
  YamlDocument result;
  try {
    const YAML::Node root = YAML::Load(yaml);
    YamlToJson converter(base, limits, result);
    result.data = converter.Convert(root, "", base);
    result.ok = true;
  } catch (const YAML::Exception& e) {
    result.error = e.msg;
    result.error_offset = base + (e.mark.pos >= 0 ? static_cast<size_t>(e.mark.pos) : 0);
  } catch (const LimitExceeded& e) {
    result.error = e.what();
    result.error_offset = e.offset;
  }
  if (!result.ok) {
    result.data = nullptr;
    result.locations.clear();
    result.out_of_range.clear();
  }
  return result;
}

}  // namespace digestlint
