// DL307 alphaxiv-id-mismatch: the Alphaxiv line points at the heading's paper.
#include "arxiv.h"
#include "fix_helpers.h"
#include "rule.h"

namespace digestlint {

namespace {

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  for (const Paper& paper : post.papers) {
    if (!paper.link || !paper.alphaxiv) continue;
    const std::string& heading_id = paper.arxiv_analysis.id;
    const std::string& alphaxiv_id = paper.alphaxiv_analysis.id;
    if (heading_id.empty() || alphaxiv_id.empty() || WithoutVersion(heading_id) == WithoutVersion(alphaxiv_id)) {
      continue;
    }
    // The heading is the paper being summarised: rebuild the line from its ID.
    const std::string url =
        AnalyzeAlphaxivUrl("https://www.alphaxiv.org/overview/" + heading_id, post.spec->alphaxiv_language).canonical;
    sink.Report(rule, paper.alphaxiv->url_span,
                "Alphaxiv link is for " + alphaxiv_id + " but the heading's paper is " + heading_id +
                    " (a line pasted under the wrong paper?)",
                ReplaceLinkUrl(post, *paper.alphaxiv, url));
  }
}

}  // namespace

extern const Rule kAlphaxivIdMismatch{
    {"DL307", "alphaxiv-id-mismatch", Severity::kError, "An Alphaxiv link points at another paper than its heading",
     false, false, FixAvailability::kSafe},
    Check};

}  // namespace digestlint
