// DL302 link-malformed: a paper's link is not in its kind's canonical form.
#include "fix_helpers.h"
#include "rule.h"

namespace digestlint {

namespace {

std::string Join(const std::vector<std::string>& parts) {
  std::string joined;
  for (const std::string& part : parts) joined += (joined.empty() ? "" : ", ") + part;
  return joined;
}

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  for (const Paper& paper : post.papers) {
    for (const PaperLink& found : paper.links) {
      if (!paper.Checks(found)) continue;  // another link of the kind, elsewhere
      const LinkKind& kind = *found.kind;
      const LinkCheck& check = found.check;
      if (!check.on_host) {
        sink.Report(rule, found.link.url_span,
                    kind.label + " link '" + found.link.url + "' does not point at " + kind.url.host() + " (" +
                        kind.url.Render("ID") + ")");
      } else if (!check.problems.empty()) {
        std::optional<Fix> fix;
        if (!check.canonical.empty()) fix = ReplaceLinkUrl(post, found.link, check.canonical);
        sink.Report(rule, found.link.url_span,
                    kind.label + " link " + Join(check.problems) +
                        (check.canonical.empty() ? std::string() : "; use " + check.canonical),
                    std::move(fix));
      }
    }
  }
}

}  // namespace

extern const Rule kRule_DL302{{"DL302", "link-malformed", Severity::kError, FixAvailability::kSafe,
                               "A paper's link is not in its kind's canonical form", false, false,
                               "arxiv-link-malformed alphaxiv-link-malformed DL306"},
                              Check,
                              FormatLinks};

}  // namespace digestlint
