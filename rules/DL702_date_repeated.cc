// DL702 date-repeated: two posts of the blog for one date.
#include "blog/blog.h"
#include "rule.h"

namespace digestlint {

namespace {

void Check(const Post& post, const Blog& blog, const RuleInfo& rule, DiagnosticSink& sink) {
  const PostFacts facts = ExtractFacts(post);
  if (!facts.date) return;
  const IndexedPost* self = blog.Find(post.path);
  const std::string date = IsoOfDay(*facts.date);
  std::string others;
  std::vector<RelatedLocation> related;
  for (const IndexedPost* other : blog.On(*facts.date)) {
    if (other == self) continue;
    others += (others.empty() ? "" : ", ") + other->path + " (line " + std::to_string(other->facts.date_line) + ")";
    related.push_back(RelatedLocation{other->path, Position{other->facts.date_line, 1}, "also dated " + date});
  }
  if (related.empty()) return;
  std::string message = std::to_string(related.size() + 1) + " posts are dated " + date + ": this one and " + others;
  sink.Report(rule, facts.date_span, std::move(message), std::move(related));
}

}  // namespace

extern const Rule kRule_DL702{
    {"DL702", "date-repeated", Severity::kError, FixAvailability::kNone, "Another post of the blog has the same date"},
    nullptr,
    nullptr,
    Check};

}  // namespace digestlint
