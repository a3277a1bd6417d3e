// DL304 link-id-future: a paper cannot be newer than the post about it.
#include <set>

#include "rule.h"

namespace digestlint {

namespace {

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  const std::optional<Date> post_date = post.dates.PostDate();
  if (!post_date) return;
  for (const Paper& paper : post.papers) {
    std::set<std::string> reported;  // two links with one identifier are one problem
    for (const PaperLink& found : paper.links) {
      const std::optional<ArxivId>& id = found.check.arxiv;
      if (!paper.Checks(found) || !id || id->year * 12 + id->month - 1 <= post_date->MonthIndex()) continue;
      if (!reported.insert(id->base).second) continue;
      sink.Report(rule, found.link.url_span,
                  "arXiv " + id->base + " is from " + YearMonth(id->year, id->month) + ", after the post's date " +
                      post_date->Iso());
    }
  }
}

}  // namespace

extern const Rule kRule_DL304{{"DL304", "link-id-future", Severity::kError, FixAvailability::kNone,
                               "A paper's arXiv identifier is newer than the post", false, false, "arxiv-id-future"},
                              Check,
                              FormatDates};

}  // namespace digestlint
