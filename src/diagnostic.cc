#include "diagnostic.h"

#include <algorithm>
#include <tuple>

namespace digestlint {

std::string_view SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kInfo:
      return "info";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "error";
}

std::string_view FixSafetyName(FixSafety safety) { return safety == FixSafety::kSafe ? "safe" : "unsafe"; }

void SortDiagnostics(std::vector<LocatedDiagnostic>& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const LocatedDiagnostic& a, const LocatedDiagnostic& b) {
    return std::tie(a.path, a.start.line, a.start.column, a.rule->code) <
           std::tie(b.path, b.start.line, b.start.column, b.rule->code);
  });
}

}  // namespace digestlint
