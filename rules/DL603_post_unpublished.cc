// DL603 post-unpublished: `published: false` keeps a document off the site.
#include "rule.h"

namespace digestlint {

namespace {

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  if (!post.jekyll || post.jekyll->unpublished || post.front_matter.state != FrontMatter::State::kParsed) return;
  const nlohmann::json* published = EffectiveValue(post.front_matter.data, *post.jekyll, "published");
  if (!published || *published != false) return;
  const bool in_file = post.front_matter.data.contains("published");
  sink.Report(rule, FrontMatterKeySpan(post, in_file ? "/published" : ""),
              std::string("'published: false'") + (in_file ? "" : " (from the defaults in _config.yml)") +
                  ": Jekyll does not publish this post");
}

}  // namespace

extern const Rule kRule_DL603{{"DL603", "post-unpublished", Severity::kInfo, FixAvailability::kNone,
                               "The post has published: false, so Jekyll leaves it out of the site"},
                              Check};

}  // namespace digestlint
