#pragma once
// One input through everything a run does: lint, every output format, --fix
// (safe, then unsafe) and a re-lint of the fixed text. Shared by the libFuzzer
// target and the regression replay, so a regression is checked exactly as it
// was found.

#include <optional>
#include <string>

namespace digestlint::fuzz {

/// The first broken promise for `bytes`, or nullopt when every one holds:
/// diagnostics point inside the text, JSON and SARIF output parse, input
/// that is not a post is never rewritten, fixes converge, and a fixed post
/// is still UTF-8 text with no new kind of problem.
std::optional<std::string> CheckWholePath(const std::string& bytes);

}  // namespace digestlint::fuzz
