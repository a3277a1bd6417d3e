// DL306 alphaxiv-link-malformed: the Alphaxiv URL is not the overview page in the schema's language.
#include "arxiv.h"
#include "fix_helpers.h"
#include "rule.h"

namespace digestlint {

namespace {

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  for (const Paper& paper : post.papers) {
    if (!paper.alphaxiv) continue;
    const LinkAnalysis& analysis = paper.alphaxiv_analysis;
    if (!analysis.points_at_site) {
      sink.Report(rule, paper.alphaxiv->url_span,
                  "Alphaxiv link '" + paper.alphaxiv->url + "' does not point at www.alphaxiv.org");
      continue;
    }
    std::string problems;
    for (const std::string& problem : analysis.problems) problems += (problems.empty() ? "" : ", ") + problem;
    if (problems.empty()) continue;
    std::optional<Fix> fix;
    if (!analysis.canonical.empty()) fix = ReplaceLinkUrl(post, *paper.alphaxiv, analysis.canonical);
    sink.Report(
        rule, paper.alphaxiv->url_span,
        "Alphaxiv link " + problems + (analysis.canonical.empty() ? std::string() : "; use " + analysis.canonical),
        std::move(fix));
  }
}

}  // namespace

extern const Rule kAlphaxivLinkMalformed{
    {"DL306", "alphaxiv-link-malformed", Severity::kError,
     "An Alphaxiv link is not https://www.alphaxiv.org/LANG/overview/ID", false, false, FixAvailability::kSafe},
    Check};

}  // namespace digestlint
