// DL005 internal-error: digestlint failed on this file; the other files still finish.
#include "rule.h"

namespace digestlint {

namespace {

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  if (post.internal_error) {
    sink.Report(rule, Span{},
                "internal error while linting this file: " + *post.internal_error +
                    "; it was not linted (please report this with the file)");
  }
}

}  // namespace

extern const Rule kRule_DL005{{"DL005", "internal-error", Severity::kError, FixAvailability::kNone,
                               "digestlint failed on this file (a bug); it was not linted", true, true},
                              Check};

}  // namespace digestlint
