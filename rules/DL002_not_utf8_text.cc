// DL002 not-utf8-text: the file holds bytes that are not UTF-8 text.
#include "rule.h"

namespace digestlint {

namespace {

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  if (!post.encoding_problem) return;
  const size_t at = post.encoding_problem->offset;
  sink.Report(rule, Span{at, at + 1},
              "the file is not UTF-8 text: " + post.encoding_problem->reason + " at byte " + std::to_string(at) +
                  "; it was not linted");
}

}  // namespace

extern const Rule kRule_DL002{{"DL002", "not-utf8-text", Severity::kError, FixAvailability::kNone,
                               "The file contains invalid UTF-8 or NUL bytes", true, true},
                              Check};

}  // namespace digestlint
