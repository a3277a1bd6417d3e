#pragma once
// Inline suppressions, as HTML comments Jekyll does not render:
//   <!-- digestlint-disable CODE ... -->  ...  <!-- digestlint-enable CODE ... -->
//   <!-- digestlint-disable-next-line CODE ... -->
//   <!-- digestlint-disable-file CODE ... -->
// Without codes they cover every rule. A suppression that suppresses nothing
// is reported as DL003 unused-suppression.

#include <set>
#include <string>
#include <vector>

#include "diagnostic.h"
#include "source_text.h"

namespace digestlint {

/// Removes the diagnostics that suppressions in `source` cover, and adds a
/// DL003 diagnostic (unless `report_unused` is false) for each suppression
/// that covered nothing, with a safe fix that removes it (or only its unused
/// rules). `disabled` rules do not count as unused targets. `body_start`: where
/// the front matter ends (no fix edits it).
void ApplySuppressions(const SourceText& source, size_t body_start, const std::set<std::string>& disabled,
                       bool report_unused, std::vector<Diagnostic>& diagnostics);

}  // namespace digestlint
