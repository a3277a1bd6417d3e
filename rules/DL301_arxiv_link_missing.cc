// DL301 arxiv-link-missing: a paper heading without a link.
#include "rule.h"

namespace digestlint {

namespace {

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  for (const Paper& paper : post.papers) {
    if (paper.link) continue;
    sink.Report(rule, paper.heading,
                "paper heading has no link; write it as '" +
                    std::string(static_cast<size_t>(post.spec->paper_heading_level), '#') +
                    " N. [Title](https://arxiv.org/abs/ID)'");
  }
}

}  // namespace

extern const Rule kArxivLinkMissing{
    {"DL301", "arxiv-link-missing", Severity::kError, "A paper heading does not link to the paper"}, Check};

}  // namespace digestlint
