// DL106 date-mismatch: the title's date, `date` and the file-name prefix agree.
#include "dates.h"
#include "rule.h"

namespace digestlint {

namespace {

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  const std::optional<DateSource> date = FrontMatterDate(post);
  const std::optional<DateSource> title = TitleDate(post);
  const std::optional<DateSource> file_name = FileNameDate(post);
  // Compare each later source with the first one present; report at the later one.
  const std::optional<DateSource>& reference = date ? date : title;
  if (!reference) return;
  for (const std::optional<DateSource>* other : {&title, &file_name}) {
    if (!*other || other == &reference || (*other)->date.Iso() == reference->date.Iso()) continue;
    const bool at_reference = other == &file_name;  // a file name has no span of its own
    sink.Report(rule, at_reference ? reference->span : (*other)->span,
                (*other)->where + " says " + (*other)->date.Iso() + " but " + reference->where + " says " +
                    reference->date.Iso());
  }
}

}  // namespace

extern const Rule kDateMismatch{
    {"DL106", "date-mismatch", Severity::kError, "The title's date, 'date' and the file name's date disagree"}, Check};

}  // namespace digestlint
