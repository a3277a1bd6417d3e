#pragma once
// Small queries over a paper's sections, shared by the DL2xx rules.

#include <optional>
#include <string>

#include "post.h"
#include "schema.h"

namespace digestlint {

/// The first section called `name` (case-insensitive) at `level`, or at any
/// level when `level` is empty; nullptr when there is none.
const Section* FindSection(const Paper& paper, const std::string& name, std::optional<int> level);

/// Index of `name` in the schema's required sections, or -1.
int RequiredIndex(const PostSpec& spec, const std::string& name);

/// "## Method" for the schema's section level.
std::string HeadingText(const PostSpec& spec, const std::string& name);

/// "3" for numbered papers, else the heading's position ("#2").
std::string PaperLabel(const Paper& paper);

}  // namespace digestlint
