// DL308 paper-duplicate: the same arXiv paper summarised twice in one post.
#include <map>

#include "arxiv.h"
#include "rule.h"

namespace digestlint {

namespace {

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  std::map<std::string, const Paper*> seen;
  for (const Paper& paper : post.papers) {
    if (!paper.link) continue;
    const LinkAnalysis& analysis = paper.arxiv_analysis;
    if (!analysis.points_at_site || analysis.id.empty()) continue;
    const auto [first, inserted] = seen.emplace(WithoutVersion(analysis.id), &paper);
    if (inserted) continue;
    sink.Report(rule, paper.link->url_span,
                "arXiv " + first->first + " is already in this post (line " +
                    std::to_string(post.source->PositionOf(first->second->heading.begin).line) + ")");
  }
}

}  // namespace

extern const Rule kPaperDuplicate{
    {"DL308", "paper-duplicate", Severity::kError, "The same arXiv paper appears twice in one post"}, Check};

}  // namespace digestlint
