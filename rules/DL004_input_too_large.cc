// DL004 input-too-large: a post beyond the size or bracket limits is not parsed.
#include "rule.h"

namespace digestlint {

namespace {

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  if (post.too_large) sink.Report(rule, Span{}, "the file was not linted: " + *post.too_large);
}

}  // namespace

extern const Rule kRule_DL004{{"DL004", "input-too-large", Severity::kError, FixAvailability::kNone,
                               "The file is larger than max-file-size or has more '[' than max-brackets", true, true},
                              Check};

}  // namespace digestlint
