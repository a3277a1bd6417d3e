#pragma once
// A rule is plain data plus one function, like a markdownlint rule object:
// its RuleInfo (code, name, severity, fix, summary) and a check that reads
// the Post model and its DigestFormat, never raw text. Each rule lives in one
// file, rules/DLnnn_name.cc, which defines `kRule_DLnnn`; its documentation is
// rules/DLnnn_name.md. CMake lists the rule files, so adding a rule needs no
// other edit: the registry, the docs' headings, the rules reference and the
// README's rule table are all derived from the declaration.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostic.h"
#include "post.h"

namespace digestlint {

/// Where rules report. It can screen each diagnostic first (severity
/// overrides, suppressions) and keep only the `limit` earliest in the file, so
/// a hostile post cannot make memory grow with its millions of problems.
class DiagnosticSink {
 public:
  /// Adjusts a diagnostic's severity, or returns false to drop it.
  using Screen = std::function<bool(Diagnostic&)>;

  explicit DiagnosticSink(std::vector<Diagnostic>& out, Screen screen = nullptr, size_t limit = SIZE_MAX)
      : out_(out), screen_(std::move(screen)), limit_(limit) {}
  void Report(const RuleInfo& rule, Span span, std::string message, std::optional<Fix> fix = std::nullopt) {
    Diagnostic diagnostic{&rule, rule.severity, span, std::move(message), std::move(fix), {}};
    if (!screen_ || screen_(diagnostic)) Keep(std::move(diagnostic));
  }
  /// A diagnostic that points at other places too (other posts, for cross-post rules).
  void Report(const RuleInfo& rule, Span span, std::string message, std::vector<RelatedLocation> related) {
    Diagnostic diagnostic{&rule, rule.severity, span, std::move(message), std::nullopt, std::move(related)};
    if (!screen_ || screen_(diagnostic)) Keep(std::move(diagnostic));
  }

  /// What the limit left out: how many, the earliest, and the worst severity.
  struct Overflow {
    size_t count = 0;
    Span first;
    Severity worst = Severity::kInfo;
  };
  const Overflow& overflow() const { return overflow_; }

 private:
  void Keep(Diagnostic diagnostic);

  std::vector<Diagnostic>& out_;  // a max-heap by position once `limit_` are kept
  Screen screen_;
  size_t limit_;
  Overflow overflow_;
};

class Blog;

/// A rule checks one post (`check`), or one post against the other posts of
/// its site (`blog_check`, the cross-post rules DL7xx, which run only when the
/// post belongs to a site: see src/blog/blog.h).
struct Rule {
  using CheckFunction = void (*)(const Post& post, const RuleInfo& rule, DiagnosticSink& sink);
  using BlogCheckFunction = void (*)(const Post& post, const Blog& blog, const RuleInfo& rule, DiagnosticSink& sink);
  // What a blog's format says about the rule's subject, for `explain`.
  using DescribeFunction = std::string (*)(const DigestFormat& format);
  RuleInfo info;
  CheckFunction check;
  DescribeFunction describe = nullptr;
  BlogCheckFunction blog_check = nullptr;
};

// The describe functions rules declare, one per part of the format.
inline std::string FormatFrontMatter(const DigestFormat& format) { return format.DescribeFrontMatter(); }
inline std::string FormatDates(const DigestFormat& format) { return format.DescribeDates(); }
inline std::string FormatPapers(const DigestFormat& format) { return format.DescribePapers(); }
inline std::string FormatLinks(const DigestFormat& format) { return format.DescribeLinks(); }
inline std::string FormatSections(const DigestFormat& format) { return format.DescribeSections(); }

/// Every built-in rule, sorted by code (generated from the rule files).
const std::vector<const Rule*>& BuiltinRules();

/// The rule with this code, name or alias, or nullptr.
const Rule* FindRule(std::string_view code_or_name);

/// Whether `word` is one of the rule's aliases (older codes and names).
bool IsAlias(const RuleInfo& info, std::string_view word);

/// The rule's documentation: a heading and its declared severity and fix,
/// then the prose of rules/DLnnn_name.md (compiled in).
std::string RuleDocumentation(const RuleInfo& info);

/// The rule's documentation followed, for a built-in rule about the format,
/// by what `format` says about its subject ("In this blog's format").
std::string RuleDocumentationFor(const RuleInfo& info, const DigestFormat& format, const std::string& schema_name);

/// The web page of the rule's documentation at this version's tag
/// (DIGESTLINT_REPOSITORY_URL/blob/vVERSION/rules/DLnnn_name.md), for SARIF,
/// rdjson and editors; "" for custom rules, which have none.
std::string RuleDocumentationUrl(const RuleInfo& info);

/// The text of one "## heading" section of the rule's documentation.
std::string RuleDocSection(const RuleInfo& info, std::string_view heading);

/// "safe", "unsafe", "safe or unsafe" or "" (none).
std::string_view FixAvailabilityName(FixAvailability fix);

}  // namespace digestlint
