// DL303 link-id-invalid: the identifier in a paper's link is missing or does not follow its kind's grammar.
#include <set>

#include "rule.h"

namespace digestlint {

namespace {

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  for (const Paper& paper : post.papers) {
    std::set<std::string> reported;  // two links with one bad identifier are one problem
    for (const PaperLink& found : paper.links) {
      const LinkCheck& check = found.check;
      if (!paper.Checks(found) || !check.on_host || check.id_valid) continue;
      if (check.missing_id) {
        sink.Report(rule, found.link.url_span, found.kind->label + " link has no identifier");
      } else if (!check.id.empty() && reported.insert(check.id).second) {
        // An empty identifier without a known form is DL302's: the URL has no recognisable form.
        sink.Report(rule, found.link.url_span,
                    found.kind->label + " identifier '" + check.id + "' is invalid: " + check.id_problem);
      }
    }
  }
}

}  // namespace

extern const Rule kRule_DL303{
    {"DL303", "link-id-invalid", Severity::kError, FixAvailability::kNone,
     "A link's identifier does not follow its grammar (arXiv's scheme)", false, false, "arxiv-id-invalid"},
    Check,
    FormatLinks};

}  // namespace digestlint
