// DL404 paper-unit-mismatch: the post's papers are written in another unit than the schema's.
#include "rule.h"

namespace digestlint {

namespace {

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  if (!post.unit_mismatch) return;
  const UnitMismatch& mismatch = *post.unit_mismatch;
  sink.Report(rule, mismatch.at,
              "papers are " + mismatch.found + " here (" + std::to_string(mismatch.count) + " found); the schema " +
                  "expects " + post.format->UnitDescription() + " like '" +
                  post.format->PaperExample(post.format->papers.numbering.start) +
                  "', so no paper was checked (change the schema's \"papers\", or the post)");
}

}  // namespace

extern const Rule kRule_DL404{{"DL404", "paper-unit-mismatch", Severity::kError, FixAvailability::kNone,
                               "The post's papers are written in another unit than the schema's"},
                              Check,
                              FormatPapers};

}  // namespace digestlint
