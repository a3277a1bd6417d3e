// DL403 no-papers: a digest post summarises at least one paper.
#include "rule.h"

namespace digestlint {

namespace {

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  // An empty file is DL101's alone.
  if (!post.papers.empty() || post.source->text().find_first_not_of(" \t\r\n") == std::string::npos) return;
  // At the body, or at the top when there is no body at all.
  const size_t at = post.front_matter.body_start < post.source->text().size() ? post.front_matter.body_start : 0;
  sink.Report(rule, Span{at, at},
              "the post has no papers: expected level-" + std::to_string(post.spec->paper_heading_level) +
                  " headings like '" + std::string(static_cast<size_t>(post.spec->paper_heading_level), '#') +
                  " 1. [Title](https://arxiv.org/abs/ID)'");
}

}  // namespace

extern const Rule kNoPapers{{"DL403", "no-papers", Severity::kError, "The post contains no paper headings"}, Check};

}  // namespace digestlint
