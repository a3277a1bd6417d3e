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

class DiagnosticSink;

/// The suppression comments of one post, applied to diagnostics as rules report
/// them (so suppressed ones never take memory), remembering which were used.
class Suppressions {
 public:
  /// `body_start`: where the front matter ends (no fix edits it).
  Suppressions(const SourceText& source, size_t body_start);
  Suppressions(const Suppressions&) = delete;
  Suppressions& operator=(const Suppressions&) = delete;
  ~Suppressions();

  /// True when a suppression covers `diagnostic` (input errors and DL003 never are).
  bool Cover(const Diagnostic& diagnostic);
  /// Reports DL003 for each suppression that covered nothing, with a safe fix
  /// that removes it (or only its unused rules); `disabled` rules do not count
  /// as unused targets.
  void ReportUnused(const std::set<std::string>& disabled, DiagnosticSink& sink) const;

  struct Comment;  // one suppression comment, parsed
  struct Enable;   // one `enable` comment

 private:
  const SourceText& source_;
  size_t body_start_;
  std::vector<Comment> comments_;
  std::vector<Enable> enables_;
};

}  // namespace digestlint
