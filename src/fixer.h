#pragma once
// --fix: applies rule fixes as edits on the original bytes, re-lints, and
// repeats to a fixed point; refuses results that are worse than the input.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "diagnostic.h"
#include "schema.h"
#include "settings.h"
#include "unified_diff.h"

namespace digestlint {

struct FixOptions {
  bool unsafe = false;  // also apply unsafe fixes
  int max_rounds = 10;
};

struct FixResult {
  std::string original;                       // the bytes as read
  std::string fixed;                          // the bytes to write (BOM and line endings kept)
  std::map<std::string, int> fixed_per_rule;  // rule code -> fixes applied
  std::vector<TextChange> changes;            // where `fixed` differs from `original`, for --diff
  std::vector<LocatedDiagnostic> remaining;   // diagnostics of the fixed text
  // Set when the result must not be written: the reason, naming the rules.
  std::optional<std::string> refused;
  int rounds = 0;
  bool changed() const { return !refused && fixed != original; }
};

/// Fixes `bytes`, the post at `path`. Input that could not be linted
/// (unreadable, not UTF-8, broken YAML) is returned unchanged.
FixResult FixBytes(const std::string& path, const std::string& bytes, const LintSettings& settings,
                   const FixOptions& options);
/// The same with every built-in rule at its default severity.
FixResult FixBytes(const std::string& path, const std::string& bytes, const Schema& schema, const FixOptions& options);

/// True when `fix` is applied under `options`.
bool FixApplies(const Fix& fix, const FixOptions& options);

/// The rules with more diagnostics `after` fixing than `before` (a new kind of
/// problem, or more of one), with their counts after; the diagnostics a fix of
/// a rule in `applied` leaves on purpose (RuleInfo::fix_leaves) do not count.
std::map<std::string, int> RulesMadeWorse(const std::vector<LocatedDiagnostic>& before,
                                          const std::vector<LocatedDiagnostic>& after,
                                          const std::map<std::string, int>& applied);

}  // namespace digestlint
