// DL107 number-out-of-range: a front-matter number digestlint cannot hold exactly.
#include "rule.h"

namespace digestlint {

namespace {

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  for (const OutOfRangeNumber& number : post.front_matter.out_of_range) {
    sink.Report(rule, FrontMatterValueSpan(post, number.pointer), Describe(number, "the front matter"));
  }
}

}  // namespace

extern const Rule kRule_DL107{{"DL107", "number-out-of-range", Severity::kError, FixAvailability::kNone,
                               "A front-matter number is beyond what a 64-bit integer or a double can hold"},
                              Check,
                              FormatFrontMatter};

}  // namespace digestlint
