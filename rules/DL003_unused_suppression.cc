// DL003 unused-suppression: a digestlint-disable comment that suppresses nothing.
#include "rule.h"

namespace digestlint {

namespace {

// Found by Suppressions::ReportUnused (src/suppressions.cc) after every other rule has
// run, since only then is it known what a suppression covered.
void Check(const Post&, const RuleInfo&, DiagnosticSink&) {}

}  // namespace

extern const Rule kRule_DL003{{"DL003", "unused-suppression", Severity::kWarning, FixAvailability::kSafe,
                               "An inline suppression comment suppresses nothing"},
                              Check};

}  // namespace digestlint
