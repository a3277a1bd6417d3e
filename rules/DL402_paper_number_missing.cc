// DL402 paper-number-missing: a paper's title starts with its number when the schema numbers papers.
#include "rule.h"

namespace digestlint {

namespace {

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  const DigestFormat& format = *post.format;
  if (!format.papers.numbering.enabled) return;
  for (size_t i = 0; i < post.papers.size(); ++i) {
    const Paper& paper = post.papers[i];
    if (paper.number) continue;
    sink.Report(rule, paper.heading,
                "paper title has no number; write it as '" +
                    format.PaperExample(format.papers.numbering.start + static_cast<int>(i)) + "'");
  }
}

}  // namespace

extern const Rule kRule_DL402{{"DL402", "paper-number-missing", Severity::kError, FixAvailability::kNone,
                               "A paper's title does not start with its number"},
                              Check,
                              FormatPapers};

}  // namespace digestlint
