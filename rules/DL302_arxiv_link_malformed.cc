// DL302 arxiv-link-malformed: the heading's link is not https://arxiv.org/abs/<id>.
#include "arxiv.h"
#include "fix_helpers.h"
#include "rule.h"

namespace digestlint {

namespace {

std::string Join(const std::vector<std::string>& parts) {
  std::string joined;
  for (const std::string& part : parts) joined += (joined.empty() ? "" : ", ") + part;
  return joined;
}

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  for (const Paper& paper : post.papers) {
    if (!paper.link) continue;
    const LinkAnalysis& analysis = paper.arxiv_analysis;
    if (!analysis.points_at_site) {
      sink.Report(rule, paper.link->url_span,
                  "paper link '" + paper.link->url + "' is not an arXiv abstract page https://arxiv.org/abs/ID");
    } else if (!analysis.problems.empty()) {
      std::optional<Fix> fix;
      if (!analysis.canonical.empty()) fix = ReplaceLinkUrl(post, *paper.link, analysis.canonical);
      sink.Report(rule, paper.link->url_span,
                  "arXiv link " + Join(analysis.problems) +
                      (analysis.canonical.empty() ? std::string() : "; use " + analysis.canonical),
                  std::move(fix));
    }
  }
}

}  // namespace

extern const Rule kArxivLinkMalformed{
    {"DL302", "arxiv-link-malformed", Severity::kError, "A paper link is not of the form https://arxiv.org/abs/ID",
     false, false, FixAvailability::kSafe},
    Check};

}  // namespace digestlint
