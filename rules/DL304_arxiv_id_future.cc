// DL304 arxiv-id-future: a paper cannot be newer than the post about it.
#include "arxiv.h"
#include "dates.h"
#include "rule.h"

namespace digestlint {

namespace {

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  const std::optional<Date> post_date = PostDate(post);
  if (!post_date) return;
  for (const Paper& paper : post.papers) {
    if (!paper.link) continue;
    std::string why;
    const std::optional<ArxivId> id = ParseArxivId(paper.arxiv_analysis.id, &why);
    if (!id || id->year * 100 + id->month <= post_date->year * 100 + post_date->month) continue;
    sink.Report(rule, paper.link->url_span,
                "arXiv " + id->base + " is from " + std::to_string(id->year) + "-" + (id->month < 10 ? "0" : "") +
                    std::to_string(id->month) + ", after the post's date " + post_date->Iso());
  }
}

}  // namespace

extern const Rule kArxivIdFuture{
    {"DL304", "arxiv-id-future", Severity::kError, "An arXiv identifier is newer than the post"}, Check};

}  // namespace digestlint
