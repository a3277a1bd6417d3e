// DL106 date-mismatch: the title's date, the front matter's date and the file name's date agree.
#include "fix_helpers.h"
#include "rule.h"

namespace digestlint {

namespace {

// Unsafe: rewrites the title's date, in the title's own form, to the front
// matter's date, trusting the latter.
std::optional<Fix> TitleFromDate(const Post& post, const DateFact& title, const DateFact& date) {
  const std::optional<std::string> written = title.form ? title.form->Format(date.date) : std::nullopt;
  if (!written) return std::nullopt;
  const std::string& text = post.source->text();
  const size_t found = text.substr(title.span.begin, title.span.end - title.span.begin).find(title.written);
  if (found == std::string::npos) return std::nullopt;
  const size_t at = title.span.begin + found;
  return SingleEdit(FixSafety::kUnsafe, Span{at, at + title.written.size()}, *written);
}

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  const PostDates& dates = post.dates;
  const std::optional<DateFact>& reference = dates.front_matter ? dates.front_matter : dates.title;
  if (!reference) return;
  if (dates.front_matter && dates.title && dates.title->date != dates.front_matter->date) {
    sink.Report(rule, dates.title->span,
                dates.title->where + " says " + dates.title->date.Iso() + " but " + dates.front_matter->where +
                    " says " + dates.front_matter->date.Iso(),
                TitleFromDate(post, *dates.title, *dates.front_matter));
  }
  // A file name has no span of its own: report at the date it disagrees with.
  if (dates.file_name && dates.file_name->date != reference->date) {
    sink.Report(rule, reference->span,
                dates.file_name->where + " says " + dates.file_name->date.Iso() + " but " + reference->where +
                    " says " + reference->date.Iso());
  }
}

}  // namespace

extern const Rule kRule_DL106{{"DL106", "date-mismatch", Severity::kError, FixAvailability::kUnsafe,
                               "The title's date, the front matter's date and the file name's date disagree"},
                              Check,
                              FormatDates};

}  // namespace digestlint
