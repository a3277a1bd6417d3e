// DL307 alphaxiv-id-mismatch: the Alphaxiv line points at the heading's paper.
#include "arxiv.h"
#include "rule.h"

namespace digestlint {

namespace {

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  for (const Paper& paper : post.papers) {
    if (!paper.link || !paper.alphaxiv) continue;
    const std::string heading_id = AnalyzeArxivUrl(paper.link->url).id;
    const std::string alphaxiv_id = AnalyzeAlphaxivUrl(paper.alphaxiv->url, post.spec->alphaxiv_language).id;
    if (heading_id.empty() || alphaxiv_id.empty() || WithoutVersion(heading_id) == WithoutVersion(alphaxiv_id)) {
      continue;
    }
    sink.Report(rule, paper.alphaxiv->url_span,
                "Alphaxiv link is for " + alphaxiv_id + " but the heading's paper is " + heading_id +
                    " (a line pasted under the wrong paper?)");
  }
}

}  // namespace

extern const Rule kAlphaxivIdMismatch{
    {"DL307", "alphaxiv-id-mismatch", Severity::kError, "An Alphaxiv link points at another paper than its heading"},
    Check};

}  // namespace digestlint
