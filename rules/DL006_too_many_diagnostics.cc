// DL006 too-many-diagnostics: the post has more problems than max-diagnostics.
#include "rule.h"

namespace digestlint {

namespace {

// Added by RunRules (src/linter.cc) once every rule has run, when the
// diagnostic sink had to leave some out.
void Check(const Post&, const RuleInfo&, DiagnosticSink&) {}

}  // namespace

extern const Rule kRule_DL006{{"DL006", "too-many-diagnostics", Severity::kWarning, FixAvailability::kNone,
                               "The post has more problems than max-diagnostics; only the earliest are reported"},
                              Check};

}  // namespace digestlint
