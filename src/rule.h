#pragma once
// A rule is plain data plus one function, like a markdownlint rule object:
// its RuleInfo (code, name, severity, summary) and a check that reads the
// Post model and never re-parses the text. Each rule lives in its own file
// in rules/, next to its documentation (rules/DLnnn_name.md), and is listed
// once in rules/registry.cc.

#include <string>
#include <string_view>
#include <vector>

#include "diagnostic.h"
#include "post.h"

namespace digestlint {

class DiagnosticSink {
 public:
  explicit DiagnosticSink(std::vector<Diagnostic>& out) : out_(out) {}
  void Report(const RuleInfo& rule, Span span, std::string message, std::optional<Fix> fix = std::nullopt) {
    out_.push_back(Diagnostic{&rule, rule.severity, span, std::move(message), std::move(fix), {}});
  }
  /// A diagnostic that points at other places too (other posts, for cross-post rules).
  void Report(const RuleInfo& rule, Span span, std::string message, std::vector<RelatedLocation> related) {
    out_.push_back(Diagnostic{&rule, rule.severity, span, std::move(message), std::nullopt, std::move(related)});
  }

 private:
  std::vector<Diagnostic>& out_;
};

class Blog;

/// A rule checks one post (`check`), or one post against the other posts of
/// its site (`blog_check`, the cross-post rules DL7xx, which run only when the
/// post belongs to a site: see src/blog/blog.h).
struct Rule {
  using CheckFunction = void (*)(const Post& post, const RuleInfo& rule, DiagnosticSink& sink);
  using BlogCheckFunction = void (*)(const Post& post, const Blog& blog, const RuleInfo& rule, DiagnosticSink& sink);
  RuleInfo info;
  CheckFunction check;
  BlogCheckFunction blog_check = nullptr;
};

/// Every built-in rule, sorted by code.
const std::vector<const Rule*>& BuiltinRules();

/// The rule with this code or name, or nullptr.
const Rule* FindRule(std::string_view code_or_name);

/// The rule's documentation (rules/DLnnn_name.md), compiled in.
std::string_view RuleDocumentation(const RuleInfo& info);

/// The text of one "## heading" section of the rule's documentation.
std::string RuleDocSection(const RuleInfo& info, std::string_view heading);

}  // namespace digestlint
