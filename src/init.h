#pragma once
// `digestlint init`: a commented .digestlint.yaml for the site it finds.

#include <filesystem>
#include <string>

#include "command_line.h"

namespace digestlint {

/// The configuration text for the site in `folder`: which folders hold posts
/// and which only generated or third-party files, each said in a comment.
/// Valid against schemas/digestlint-config.schema.json.
std::string InitialConfig(const std::filesystem::path& folder);

/// Writes FOLDER/.digestlint.yaml (FOLDER defaults to "."); refuses, with exit
/// status 2, to replace an existing configuration unless --force.
int RunInit(const Invocation& call, Streams streams, const Terminal& terminal);

}  // namespace digestlint
