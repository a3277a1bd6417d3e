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
  static const std::optional<DateForm> jekyll_date = [] {
    std::string unused;
    return DateForm::Compile("jekyll", &unused);
  }();
  static const std::optional<DateForm> name_date = [] {
    std::string unused;
    return DateForm::Compile("YYYY-MM-DD-", &unused);
  }();
  const nlohmann::json* date = EffectiveValue(post.front_matter.data, *post.jekyll, "date");
  std::string text;
  Span span;
  std::optional<Date> parsed;
  std::string why;
  if (date && date->is_string()) {
    text = *date;
    parsed = jekyll_date->Parse(text, &why);
    if (post.front_matter.data.contains("date")) span = FrontMatterValueSpan(post, "/date");
  } else if (const std::optional<DateMatch> from_name = name_date->Find(post.file_name);
             !date && from_name && from_name->offset == 0 && from_name->date) {
    parsed = from_name->date;
    text = parsed->Iso();
  }
  if (!parsed || parsed->EpochSeconds() <= post.jekyll->now) return;
  sink.Report(rule, span,
              "the post is dated " + text +
                  ", later than now: Jekyll does not publish it before then (future: false in _config.yml)");
}

}  // namespace

extern const Rule kRule_DL602{{"DL602", "post-date-future", Severity::kWarning, FixAvailability::kNone,
                               "The post is dated in the future, and the site does not publish future posts"},
                              Check};

}  // namespace digestlint
