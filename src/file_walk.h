#pragma once
// Turns the paths on the command line into the list of posts to lint.

#include <functional>
#include <string>
#include <vector>

namespace digestlint {

/// Decides whether a file is linted: `named` is true for a path given on the
/// command line, false for one found in a folder.
using PostFilter = std::function<bool(const std::string& path, bool named)>;

/// Files named on the command line are kept when `keep` says so (a missing
/// one too, so it is reported); folders are searched recursively, skipping
/// hidden entries, keeping what `keep` accepts. The result is sorted within
/// each folder, so output order is stable.
std::vector<std::string> CollectPosts(const std::vector<std::string>& paths, const PostFilter& keep);

}  // namespace digestlint
