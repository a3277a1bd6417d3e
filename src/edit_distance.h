#pragma once
// "Did you mean" suggestions, as ninja makes them.

#include <string>
#include <string_view>
#include <vector>

namespace digestlint {

/// Levenshtein distance, case-insensitive.
size_t EditDistance(std::string_view a, std::string_view b);

/// The candidate closest to `word` if it is close enough to be a likely typo
/// (at most a third of the word's length away), else "".
std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace digestlint
