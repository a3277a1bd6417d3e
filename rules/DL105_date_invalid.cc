// DL105 date-invalid: `date` (and the title's date) must be real dates.
#include <re2/re2.h>

#include "dates.h"
#include "rule.h"

namespace digestlint {

namespace {

void CheckValue(const Post& post, const RuleInfo& rule, DiagnosticSink& sink, const std::string& key, bool from_title) {
  const nlohmann::json& data = post.front_matter.data;
  if (!data.is_object() || !data.contains(key) || !data[key].is_string()) return;
  std::string text = data[key];
  if (from_title) {
    re2::StringPiece found;
    if (!RE2::PartialMatch(text, *post.spec->title_date, &found)) return;
    text = std::string(found.data(), found.size());
  }
  std::string why;
  if (ParseJekyllDate(text, &why)) return;
  const std::string pointer = (nlohmann::json::json_pointer() / key).to_string();
  sink.Report(rule, FrontMatterValueSpan(post, pointer),
              (from_title ? "the date in '" : "'") + key + "' is not a real date: \"" + text + "\" " + why);
}

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  if (post.front_matter.state != FrontMatter::State::kParsed) return;
  CheckValue(post, rule, sink, post.spec->date_key, false);
  CheckValue(post, rule, sink, post.spec->title_key, true);
}

}  // namespace

extern const Rule kDateInvalid{
    {"DL105", "date-invalid", Severity::kError, "The date or the title's date is not a real date and time"}, Check};

}  // namespace digestlint
