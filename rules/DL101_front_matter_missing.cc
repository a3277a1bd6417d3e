// DL101 front-matter-missing: the post does not start with a `---` fence.
#include "rule.h"

namespace digestlint {

namespace {

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  if (post.front_matter.state != FrontMatter::State::kMissing) return;
  const std::string_view first_line = post.source->Line(1);
  sink.Report(rule, Span{0, first_line.size()},
              post.source->text().empty()
                  ? "the file is empty; a post starts with YAML front matter between --- lines"
                  : "no front matter: a post must start with a --- line, then YAML, then another --- line");
}

}  // namespace

extern const Rule kFrontMatterMissing{
    {"DL101", "front-matter-missing", Severity::kError, "The post has no YAML front matter"}, Check};

}  // namespace digestlint
