// DL001 unreadable-file: the path could not be read as a file.
#include "rule.h"

namespace digestlint {

namespace {

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  if (post.read_error) sink.Report(rule, Span{}, "cannot read the file: " + *post.read_error);
}

}  // namespace

extern const Rule kRule_DL001{{"DL001", "unreadable-file", Severity::kError, FixAvailability::kNone,
                               "The path does not exist or cannot be read as a file", true, true},
                              Check};

}  // namespace digestlint
