// DL105 date-invalid: the post's date (and the title's date) must be real dates of an accepted form.
#include "rule.h"

namespace digestlint {

namespace {

void Report(const DateProblem& problem, const RuleInfo& rule, DiagnosticSink& sink) {
  sink.Report(rule, problem.span,
              problem.wrong_form
                  ? problem.where + " is \"" + problem.text + "\", which " + problem.why
                  : problem.where + " is not a real date: \"" + problem.text + "\" (" + problem.why + ")");
}

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  if (post.dates.front_matter_problem) Report(*post.dates.front_matter_problem, rule, sink);
  if (post.dates.title_problem) Report(*post.dates.title_problem, rule, sink);
}

}  // namespace

extern const Rule kRule_DL105{{"DL105", "date-invalid", Severity::kError, FixAvailability::kNone,
                               "The date or the title's date is not a real date of an accepted form"},
                              Check,
                              FormatDates};

}  // namespace digestlint
