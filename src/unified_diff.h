#pragma once
// Unified diffs (as `diff -u` writes them, applicable with `patch -p1`).

#include <string>

namespace digestlint {

/// The diff from `before` to `after` for `path`, with 3 lines of context;
/// "" when they are equal.
std::string UnifiedDiff(const std::string& path, const std::string& before, const std::string& after);

}  // namespace digestlint
