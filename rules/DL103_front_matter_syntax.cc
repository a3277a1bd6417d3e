// DL103 front-matter-syntax: the front matter is not valid YAML or TOML (or exceeds the limits).
#include "rule.h"

namespace digestlint {

namespace {

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  if (post.front_matter.state != FrontMatter::State::kInvalidSyntax) return;
  const size_t at = post.front_matter.error_offset;
  sink.Report(rule, Span{at, at + 1},
              std::string("front matter is not valid ") + SyntaxName(post.front_matter.syntax) + ": " +
                  post.front_matter.error);
}

}  // namespace

extern const Rule kRule_DL103{{"DL103", "front-matter-syntax", Severity::kError, FixAvailability::kNone,
                               "The front matter is not valid YAML or TOML", true, false, "yaml-syntax"},
                              Check,
                              FormatFrontMatter};

}  // namespace digestlint
