// DL602 post-date-future: with `future: false` (Jekyll's default), a post
// dated later than the build is skipped until a build after that date.
#include "dates.h"
#include "rule.h"

namespace digestlint {

namespace {

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  if (!post.jekyll || post.jekyll->kind != JekyllDocument::Kind::kPost || post.jekyll->future) return;
  if (post.front_matter.state != FrontMatter::State::kParsed) return;
  // Jekyll's date: `date` (the file's, else the defaults'), else the file name's.
  const nlohmann::json* date = EffectiveValue(post.front_matter.data, *post.jekyll, "date");
  std::string text;
  Span span;
  if (date && date->is_string()) {
    text = *date;
    if (post.front_matter.data.contains("date")) span = FrontMatterValueSpan(post, "/date");
  } else if (const std::optional<DateSource> from_name = FileNameDate(post); from_name && !date) {
    text = from_name->date.Iso();
  }
  const std::optional<std::time_t> time = JekyllTime(text);
  if (!time || *time <= post.jekyll->now) return;
  sink.Report(rule, span,
              "the post is dated " + text +
                  ", later than now: Jekyll does not publish it before then (future: false in _config.yml)");
}

}  // namespace

extern const Rule kPostDateFuture{{"DL602", "post-date-future", Severity::kWarning,
                                   "The post is dated in the future, and the site does not publish future posts"},
                                  Check};

}  // namespace digestlint
