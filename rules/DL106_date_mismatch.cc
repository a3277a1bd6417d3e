// DL106 date-mismatch: the title's date, `date` and the file-name prefix agree.
#include "dates.h"
#include "fix_helpers.h"
#include "rule.h"

namespace digestlint {

namespace {

// Unsafe: rewrites the title's date to `date`'s, trusting `date`.
std::optional<Fix> TitleFromDate(const Post& post, const DateSource& title, const DateSource& date) {
  const std::string& text = post.source->text();
  const size_t found = text.substr(title.span.begin, title.span.end - title.span.begin).find(title.date.Iso());
  if (found == std::string::npos) return std::nullopt;
  const size_t at = title.span.begin + found;
  return SingleEdit(FixSafety::kUnsafe, Span{at, at + title.date.Iso().size()}, date.date.Iso());
}

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  const std::optional<DateSource> date = FrontMatterDate(post);
  const std::optional<DateSource> title = TitleDate(post);
  const std::optional<DateSource> file_name = FileNameDate(post);
  const std::optional<DateSource>& reference = date ? date : title;
  if (!reference) return;
  if (date && title && title->date.Iso() != date->date.Iso()) {
    sink.Report(rule, title->span,
                title->where + " says " + title->date.Iso() + " but " + date->where + " says " + date->date.Iso(),
                TitleFromDate(post, *title, *date));
  }
  // A file name has no span of its own: report at the date it disagrees with.
  if (file_name && file_name->date.Iso() != reference->date.Iso()) {
    sink.Report(rule, reference->span,
                file_name->where + " says " + file_name->date.Iso() + " but " + reference->where + " says " +
                    reference->date.Iso());
  }
}

}  // namespace

extern const Rule kDateMismatch{
    {"DL106", "date-mismatch", Severity::kError, "The title's date, 'date' and the file name's date disagree", false,
     false, FixAvailability::kUnsafe},
    Check};

}  // namespace digestlint
