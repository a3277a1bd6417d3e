// DL704 tag-unusual: a tag used by one post only, a small edit away from a
// tag many posts use: most likely a typo of it.
#include <algorithm>
#include <set>

#include "blog/blog.h"
#include "edit_distance.h"
#include "rule.h"

namespace digestlint {

namespace {

bool HasTag(const std::vector<TagFact>& tags, const std::string& tag) {
  return std::any_of(tags.begin(), tags.end(), [&](const TagFact& t) { return t.tag == tag; });
}

void Check(const Post& post, const Blog& blog, const RuleInfo& rule, DiagnosticSink& sink) {
  const PostFacts facts = ExtractFacts(post);
  const IndexedPost* self = blog.Find(post.path);
  // Counts from the index, with this post as it is now instead of as indexed.
  const auto uses = [&](const std::string& tag) {
    return blog.TagUses(tag) - (self && HasTag(self->facts.tags, tag) ? 1 : 0) + (HasTag(facts.tags, tag) ? 1 : 0);
  };
  const size_t common = static_cast<size_t>(blog.series().common_tag_posts);
  std::set<std::string> seen;
  for (const TagFact& tag : facts.tags) {
    if (!seen.insert(tag.tag).second || uses(tag.tag) != 1) continue;
    const std::string* closest = nullptr;
    size_t closest_distance = 0;
    size_t closest_uses = 0;
    for (const auto& [other, indexed_uses] : blog.TagCounts()) {
      if (indexed_uses + 1 < common) break;  // most used first
      const size_t other_uses = uses(other);
      if (other == tag.tag || other_uses < common) continue;
      const size_t distance = EditDistance(tag.tag, other);
      // Small: at most 2 edits, and at most a third of the shorter tag (case alone counts 0).
      if (distance > std::min<size_t>(2, std::min(tag.tag.size(), other.size()) / 3)) continue;
      if (!closest || distance < closest_distance || (distance == closest_distance && other_uses > closest_uses)) {
        closest = &other;
        closest_distance = distance;
        closest_uses = other_uses;
      }
    }
    if (!closest) continue;
    sink.Report(rule, tag.span,
                "tag '" + tag.tag + "' is used in no other post, and is close to '" + *closest + "', used in " +
                    std::to_string(closest_uses) + " posts");
  }
}

}  // namespace

extern const Rule kRule_DL704{{"DL704", "tag-unusual", Severity::kWarning, FixAvailability::kNone,
                               "A tag used only once is a small edit away from a common tag"},
                              nullptr,
                              nullptr,
                              Check};

}  // namespace digestlint
