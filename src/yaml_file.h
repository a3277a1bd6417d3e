#pragma once
// A configuration file written in YAML (.digestlint.yaml, Jekyll's _config.yml):
// read, checked to be UTF-8 text, parsed, with each value's position kept for
// error messages.

#include <map>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "front_matter.h"
#include "source_text.h"

namespace digestlint {

struct YamlFile {
  nlohmann::json data;                        // an empty file is null
  std::map<std::string, Position> positions;  // each key's position, by JSON pointer
};

/// Reads and parses the YAML file at `path`; on failure returns nullopt and
/// sets `error` to "path:line:col: message".
std::optional<YamlFile> ReadYamlFile(const std::string& path, std::string* error, const FrontMatterLimits& limits = {});

}  // namespace digestlint
