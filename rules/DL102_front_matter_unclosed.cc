// DL102 front-matter-unclosed: the opening `---` has no closing fence.
#include "rule.h"

namespace digestlint {

namespace {

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  if (post.front_matter.state != FrontMatter::State::kUnclosed) return;
  sink.Report(rule, post.front_matter.opening_fence,
              "front matter is not closed: no --- line ends the YAML that starts here");
}

}  // namespace

extern const Rule kFrontMatterUnclosed{
    {"DL102", "front-matter-unclosed", Severity::kError, "The front matter has no closing --- line"}, Check};

}  // namespace digestlint
