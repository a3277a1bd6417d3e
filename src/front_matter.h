#pragma once
// Splits the front matter off a post (YAML between --- lines, or TOML between
// +++ lines as Hugo writes it) and converts it to JSON for schema validation,
// keeping where each key and value stands in the file.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "source_text.h"

namespace digestlint {

struct FrontMatterLimits {
  int max_depth = 64;
  int max_nodes = 10000;
};

/// A number digestlint cannot hold exactly: beyond a 64-bit integer, or a
/// float beyond the range of a double (it then reads as infinity or 0, as YAML
/// libraries read it).
struct OutOfRangeNumber {
  std::string pointer;  // JSON pointer of the value
  std::string text;     // the scalar as written
  std::string reason;   // "too large for a number (beyond ±1.8e308): it reads as infinity"
};

/// "'x' is 1e309, too large for a number (...)": the value named from `root_name`.
std::string Describe(const OutOfRangeNumber& number, const std::string& root_name);

struct YamlLocation {
  size_t key = 0;    // offset of the key (of the value itself for list items)
  size_t value = 0;  // offset of the value
};

enum class FrontMatterSyntax { kYaml, kToml };

struct FrontMatter {
  enum class State { kMissing, kUnclosed, kInvalidSyntax, kParsed };
  State state = State::kMissing;
  FrontMatterSyntax syntax = FrontMatterSyntax::kYaml;
  // A fence the format does not accept ("+++" where only YAML is allowed): the post counts as having none.
  bool syntax_not_accepted = false;
  Span opening_fence;     // the first "---" (or "+++") line
  Span closing_fence;     // the closing "---", "..." (or "+++") line (when closed)
  size_t body_start = 0;  // offset of the first byte after the front matter
  // kInvalidSyntax: what is wrong and where.
  std::string error;
  size_t error_offset = 0;
  // kParsed: the data, and the location of every value by JSON pointer.
  nlohmann::json data;
  std::map<std::string, YamlLocation> locations;
  std::vector<OutOfRangeNumber> out_of_range;
};

/// Splits and parses the front matter; `yaml` and `toml` say which fences count.
FrontMatter ParseFrontMatter(const SourceText& source, bool yaml = true, bool toml = true,
                             const FrontMatterLimits& limits = {});

/// "YAML" or "TOML", for messages.
const char* SyntaxName(FrontMatterSyntax syntax);

/// A YAML or TOML document converted to JSON (YAML is also used for configuration files).
struct YamlDocument {
  bool ok = false;
  nlohmann::json data;
  std::map<std::string, YamlLocation> locations;  // by JSON pointer
  std::vector<OutOfRangeNumber> out_of_range;
  std::string error;  // when !ok
  size_t error_offset = 0;
};

/// Parses `yaml`, whose first byte stands at offset `base` of its file.
YamlDocument ParseYaml(const std::string& yaml, size_t base, const FrontMatterLimits& limits = {});
/// ParseYaml's two ways: the fast path for the common front matter (one
/// `key: value` per line; nullopt for anything else), and yaml-cpp, which it
/// must agree with.
std::optional<YamlDocument> ParseSimpleYaml(std::string_view yaml, size_t base, const FrontMatterLimits& limits = {});
YamlDocument ParseYamlWithYamlCpp(const std::string& yaml, size_t base, const FrontMatterLimits& limits = {});

/// Parses TOML (toml_front_matter.cc): tables become objects, dates and times
/// RFC 3339 strings ("2025-10-27T08:00:00+09:00"), positions by JSON pointer.
YamlDocument ParseToml(const std::string& toml, size_t base, const FrontMatterLimits& limits = {});

/// The line that adds `key: value` (YAML) or `key = value` (TOML) at the end of
/// the front matter, when the document then reads back exactly that value;
/// nullopt when it would not (an open quote or block on the last line).
std::optional<std::string> KeyLineToAppend(const SourceText& source, const FrontMatter& front_matter,
                                           const std::string& key, const nlohmann::json& value);

}  // namespace digestlint
