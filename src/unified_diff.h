#pragma once
// Unified diffs (as `diff -u` and `git diff` write them, applicable with
// `git apply` and `patch -p1`), in memory linear in the input: only the
// regions that changed are diffed.

#include <string>
#include <vector>

#include "source_text.h"

namespace digestlint {

/// One region that differs: bytes `before` of the old text became bytes
/// `after` of the new one; everything between regions is the same in both.
struct TextChange {
  Span before;
  Span after;
};

/// The diff from `before` to `after` (3 lines of context) with headers
/// `--- a/PATH` and `+++ b/PATH`; "" when they are equal. `changes`, sorted
/// and disjoint, say where they differ (the fixer knows); lines are matched
/// (Myers) only inside them.
std::string UnifiedDiff(const std::string& path, const std::string& before, const std::string& after,
                        const std::vector<TextChange>& changes);

/// The same when only the texts are known: one region, from the first
/// difference to the last.
std::string UnifiedDiff(const std::string& path, const std::string& before, const std::string& after);

}  // namespace digestlint
