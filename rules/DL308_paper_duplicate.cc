// DL308 paper-duplicate: the same paper summarised twice in one post.
#include <map>

#include "rule.h"

namespace digestlint {

namespace {

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  std::map<std::string, const Paper*> seen;
  for (const Paper& paper : post.papers) {
    if (paper.identity.empty()) continue;
    const auto [first, inserted] = seen.emplace(paper.identity, &paper);
    if (inserted) continue;
    sink.Report(rule, paper.identity_url,
                paper.shown_id + " is already in this post (line " +
                    std::to_string(post.source->PositionOf(first->second->heading.begin).line) + ")");
  }
}

}  // namespace

extern const Rule kRule_DL308{
    {"DL308", "paper-duplicate", Severity::kError, FixAvailability::kNone, "The same paper appears twice in one post"},
    Check,
    FormatLinks};

}  // namespace digestlint
