// DL401 paper-numbering: papers are numbered from the schema's start with no gap or repeat.
#include "rule.h"

namespace digestlint {

namespace {

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  const Numbering& numbering = post.format->papers.numbering;
  if (!numbering.enabled) return;
  const int start = numbering.start;
  const std::vector<Paper>& papers = post.papers;
  int expected = start;
  for (size_t i = 0; i < papers.size(); ++i) {
    if (!papers[i].number) {  // DL402's; count it so the next number is still checked
      ++expected;
      continue;
    }
    const int found = *papers[i].number;
    if (found != expected) {
      // The fix renumbers this run (up to the next break) to the positions' numbers,
      // so all breaks are repaired in one pass without overlapping edits.
      Fix fix{FixSafety::kSafe, {}};
      for (size_t j = i; j < papers.size(); ++j) {
        const bool next_break =
            j > i && papers[j].number && papers[j - 1].number && *papers[j].number != *papers[j - 1].number + 1;
        if (next_break) break;
        const int wanted = start + static_cast<int>(j);
        if (!papers[j].number || *papers[j].number == wanted) continue;
        fix.edits.push_back(Edit{papers[j].number_span, std::to_string(wanted)});
      }
      const std::string kind = found < expected ? "repeats or goes back" : "skips " + std::to_string(found - expected);
      std::optional<Fix> offered;
      if (!fix.edits.empty()) offered = std::move(fix);
      sink.Report(rule, papers[i].number_span,
                  "paper number " + std::to_string(found) + " " + kind + ": expected " + std::to_string(expected),
                  std::move(offered));
    }
    // Continue from the number found, so one wrong number gives one diagnostic.
    expected = found + 1;
  }
}

}  // namespace

extern const Rule kRule_DL401{
    {"DL401", "paper-numbering", Severity::kError, FixAvailability::kSafe, "Paper numbers skip or repeat"},
    Check,
    FormatPapers};

}  // namespace digestlint
