// DL401 paper-numbering: papers are numbered 1, 2, 3 ... with no gap or repeat.
#include "rule.h"

namespace digestlint {

namespace {

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  int expected = post.spec->numbering_start;
  for (const Paper& paper : post.papers) {
    if (!paper.number) {  // DL402's; count it so the next number is still checked
      ++expected;
      continue;
    }
    const int found = *paper.number;
    if (found != expected) {
      const std::string kind = found < expected ? "repeats or goes back" : "skips " + std::to_string(found - expected);
      sink.Report(rule, paper.number_span,
                  "paper number " + std::to_string(found) + " " + kind + ": expected " + std::to_string(expected));
    }
    // Continue from the number found, so one wrong number gives one diagnostic.
    expected = found + 1;
  }
}

}  // namespace

extern const Rule kPaperNumbering{{"DL401", "paper-numbering", Severity::kError, "Paper numbers skip or repeat"},
                                  Check};

}  // namespace digestlint
