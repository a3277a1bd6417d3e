// DL701 paper-repeated: a paper already summarised in an earlier post of the blog.
#include <set>

#include "blog/blog.h"
#include "rule.h"

namespace digestlint {

namespace {

int FirstLineOf(const IndexedPost& post, const std::string& id) {
  for (const PaperFact& paper : post.facts.papers) {
    if (paper.id == id) return paper.line;
  }
  return 1;
}

void Check(const Post& post, const Blog& blog, const RuleInfo& rule, DiagnosticSink& sink) {
  const PostFacts facts = ExtractFacts(post);
  if (!facts.date) return;
  const IndexedPost* self = blog.Find(post.path);
  const std::optional<int>& window = blog.series().paper_window;
  std::vector<std::string> ids;
  for (const PaperFact& paper : facts.papers) ids.push_back(paper.id);
  const auto posts_with = blog.WithPapers(ids);
  std::set<std::string> seen;
  for (const PaperFact& paper : facts.papers) {
    if (!seen.insert(paper.id).second) continue;  // twice in this post: DL308
    const IndexedPost* earlier = nullptr;         // the latest earlier post, within the window
    for (const IndexedPost* other : posts_with.at(paper.id)) {
      const DayNumber day = *other->facts.date;
      if (day >= *facts.date) break;  // in date order
      if (other == self || (window && *facts.date - day > *window)) continue;
      earlier = other;
    }
    if (!earlier) continue;
    const std::string date = IsoOfDay(*earlier->facts.date);
    const int line = FirstLineOf(*earlier, paper.id);
    sink.Report(rule, paper.heading,
                paper.shown + " was already summarised on " + date + " in " + earlier->path + " (line " +
                    std::to_string(line) + ")",
                {RelatedLocation{earlier->path, Position{line, 1}, paper.shown + " in the post of " + date}});
  }
}

}  // namespace

extern const Rule kRule_DL701{{"DL701", "paper-repeated", Severity::kError, FixAvailability::kNone,
                               "A paper was already summarised in an earlier post"},
                              nullptr,
                              nullptr,
                              Check};

}  // namespace digestlint
