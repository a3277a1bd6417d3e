#pragma once
// What a rule reports: a rule, a severity, a span of the post and a message.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "source_text.h"

namespace digestlint {

enum class Severity { kInfo, kWarning, kError };

std::string_view SeverityName(Severity severity);

/// Replace the bytes of `span` (in SourceText::text()) with `replacement`.
struct Edit {
  Span span;
  std::string replacement;
};

/// Safe fixes keep the meaning of the post and are applied by --fix; unsafe
/// ones choose between facts or invent content and need --unsafe-fixes.
enum class FixSafety { kSafe, kUnsafe };

struct Fix {
  FixSafety safety = FixSafety::kSafe;
  std::vector<Edit> edits;  // non-overlapping
};

/// What a rule can repair, for `rules` listings and docs.
enum class FixAvailability { kNone, kSafe, kUnsafe, kSafeOrUnsafe };

std::string_view FixSafetyName(FixSafety safety);

/// Everything about a rule that is declared once, in its own file
/// (rules/DLnnn_name.cc): the code users type, the name they read, how bad a
/// finding is, what its fix is, and a one-line summary.
struct RuleInfo {
  std::string_view code;     // "DL201": DL + digits, grouped by area
  std::string_view name;     // kebab-case alias of the code
  Severity severity;         // default severity
  FixAvailability fix;       // what --fix can do about it
  std::string_view summary;  // one line, for `digestlint rules` and docs
  // True when the finding means the file could not be linted at all
  // (unreadable, not text, front matter that does not parse): exit status 2.
  bool input_error = false;
  // True for rules about the file's bytes, which run even when the file is
  // not readable text; all other rules run only on text.
  bool file_rule = false;
  // Older codes and names that still select the rule, separated by spaces.
  std::string_view aliases = "";
  // Codes of the diagnostics this rule's fix leaves on purpose (a placeholder
  // for a person to fill in), which --fix does not count as making a post worse.
  std::string_view fix_leaves = "";
  // Custom rules carry their documentation; built-in ones have it compiled in.
  const std::string* documentation = nullptr;
};

/// Another place a diagnostic points at, already resolved: for a cross-post
/// rule, where the earlier post has the same paper or the same date.
struct RelatedLocation {
  std::string path;
  Position start;
  std::string message;  // what is there, e.g. "the earlier post"
};

struct Diagnostic {
  const RuleInfo* rule = nullptr;
  Severity severity = Severity::kError;
  Span span;
  std::string message;
  std::optional<Fix> fix;
  std::vector<RelatedLocation> related;
};

/// An edit with positions resolved, for output formats that show fixes.
struct LocatedEdit {
  Position start;
  Position end;  // exclusive
  std::string content;
};

/// A diagnostic placed in a file, with positions resolved for output. It
/// refers to its line by position and never copies it: the human format takes
/// the line from the file's text while it prints that file.
struct LocatedDiagnostic {
  std::string path;
  Position start;
  Position end;  // exclusive: the column just past the span
  const RuleInfo* rule = nullptr;
  Severity severity = Severity::kError;
  std::string message;
  std::optional<Fix> fix;              // spans are byte offsets into the linted text
  std::vector<LocatedEdit> fix_edits;  // the same edits, as positions
  std::vector<RelatedLocation> related;
};

/// Sorts by path, line, column, then rule code, for deterministic output.
void SortDiagnostics(std::vector<LocatedDiagnostic>& diagnostics);

}  // namespace digestlint
