// DL303 arxiv-id-invalid: the identifier in an arXiv link is not a valid arXiv ID.
#include "arxiv.h"
#include "rule.h"

namespace digestlint {

namespace {

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  for (const Paper& paper : post.papers) {
    if (!paper.link) continue;
    const LinkAnalysis& analysis = paper.arxiv_analysis;
    if (!analysis.points_at_site) continue;  // DL302's
    std::string why;
    if (analysis.id.empty()) {
      sink.Report(rule, paper.link->url_span, "arXiv link has no identifier");
    } else if (!ParseArxivId(analysis.id, &why)) {
      sink.Report(rule, paper.link->url_span, "arXiv identifier '" + analysis.id + "' is invalid: " + why);
    }
  }
}

}  // namespace

extern const Rule kArxivIdInvalid{
    {"DL303", "arxiv-id-invalid", Severity::kError, "An arXiv identifier does not follow arXiv's scheme"}, Check};

}  // namespace digestlint
