// DL402 paper-number-missing: a paper heading must start with "N. ".
#include "rule.h"

namespace digestlint {

namespace {

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  for (const Paper& paper : post.papers) {
    if (paper.number) continue;
    sink.Report(rule, paper.heading,
                "paper heading has no number; write it as '" +
                    std::string(static_cast<size_t>(post.spec->paper_heading_level), '#') +
                    " N. [Title](https://arxiv.org/abs/ID)'");
  }
}

}  // namespace

extern const Rule kPaperNumberMissing{
    {"DL402", "paper-number-missing", Severity::kError, "A paper heading does not start with its number"}, Check};

}  // namespace digestlint
