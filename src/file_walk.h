#pragma once
// Turns the paths on the command line into the list of posts to lint.

#include <string>
#include <vector>

namespace digestlint {

/// Files are kept as given (a missing one too, so it is reported); folders are
/// searched recursively for *.md and *.markdown, skipping hidden entries.
/// The result is sorted within each folder, so output order is stable.
std::vector<std::string> CollectPosts(const std::vector<std::string>& paths);

}  // namespace digestlint
