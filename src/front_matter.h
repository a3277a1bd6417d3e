#pragma once
// Splits the YAML front matter off a post and converts it to JSON for schema
// validation, keeping where each key and value stands in the file.

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "source_text.h"

namespace digestlint {

struct FrontMatterLimits {
  int max_depth = 64;
  int max_nodes = 10000;
};

struct YamlLocation {
  size_t key = 0;    // offset of the key (of the value itself for list items)
  size_t value = 0;  // offset of the value
};

struct FrontMatter {
  enum class State { kMissing, kUnclosed, kInvalidYaml, kParsed };
  State state = State::kMissing;
  Span opening_fence;     // the first "---" line
  Span closing_fence;     // the closing "---" or "..." line (when closed)
  size_t body_start = 0;  // offset of the first byte after the front matter
  // kInvalidYaml: what is wrong and where.
  std::string error;
  size_t error_offset = 0;
  // kParsed: the data, and the location of every value by JSON pointer.
  nlohmann::json data;
  std::map<std::string, YamlLocation> locations;
};

FrontMatter ParseFrontMatter(const SourceText& source, const FrontMatterLimits& limits = {});

/// A YAML document converted to JSON (also used for configuration files).
struct YamlDocument {
  bool ok = false;
  nlohmann::json data;
  std::map<std::string, YamlLocation> locations;  // by JSON pointer
  std::string error;                              // when !ok
  size_t error_offset = 0;
};

/// Parses `yaml`, whose first byte stands at offset `base` of its file.
YamlDocument ParseYaml(const std::string& yaml, size_t base, const FrontMatterLimits& limits = {});

}  // namespace digestlint
