// DL501 title-whitespace: a paper title keeps runs of spaces (line-wrap leftovers).
#include "fix_helpers.h"
#include "rule.h"

namespace digestlint {

namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  const std::string& text = post.source->text();
  for (const Paper& paper : post.papers) {
    const Span title = paper.title;
    for (size_t i = title.begin; i < title.end;) {
      if (!IsBlank(text[i])) {
        ++i;
        continue;
      }
      size_t end = i;
      while (end < title.end && IsBlank(text[end])) ++end;
      const bool at_edge = i == title.begin || end == title.end;
      if (end - i > 1 || at_edge) {
        sink.Report(rule, Span{i, end},
                    at_edge ? "paper title starts or ends with whitespace"
                            : "paper title has a run of " + std::to_string(end - i) +
                                  " whitespace characters; use a single space",
                    SingleEdit(FixSafety::kSafe, Span{i, end}, at_edge ? "" : " "));
      }
      i = end;
    }
  }
}

}  // namespace

extern const Rule kRule_DL501{{"DL501", "title-whitespace", Severity::kWarning, FixAvailability::kSafe,
                               "A paper title contains a run of whitespace"},
                              Check,
                              FormatPapers};

}  // namespace digestlint
