// DL103 yaml-syntax: the front matter is not valid YAML (or exceeds the limits).
#include "rule.h"

namespace digestlint {

namespace {

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  if (post.front_matter.state != FrontMatter::State::kInvalidYaml) return;
  const size_t at = post.front_matter.error_offset;
  sink.Report(rule, Span{at, at + 1}, "front matter is not valid YAML: " + post.front_matter.error);
}

}  // namespace

extern const Rule kYamlSyntax{{"DL103", "yaml-syntax", Severity::kError, "The front matter is not valid YAML", true},
                              Check};

}  // namespace digestlint
