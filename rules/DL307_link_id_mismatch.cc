// DL307 link-id-mismatch: a link that must repeat another link's identifier (same-id-as) does.
#include "fix_helpers.h"
#include "rule.h"

namespace digestlint {

namespace {

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  const std::vector<LinkKind>& kinds = post.format->links;
  for (const Paper& paper : post.papers) {
    for (const LinkKind& kind : kinds) {
      if (kind.same_id_as < 0) continue;
      const LinkKind& source_kind = kinds[static_cast<size_t>(kind.same_id_as)];
      const PaperLink* link = paper.LinkOf(kind);
      const PaperLink* source = paper.LinkOf(source_kind);
      if (!link || !source || link->check.id.empty() || source->check.id.empty()) continue;
      if (kind.id.Identity(link->check.id) == source_kind.id.Identity(source->check.id)) continue;
      // Unsafe: which of the two links is right is unknown; the fix trusts the other one.
      std::optional<Fix> fix;
      if (source->check.id_valid) {
        fix = ReplaceLinkUrl(post, link->link, kind.url.Render(source->check.id));
        if (fix) fix->safety = FixSafety::kUnsafe;
      }
      sink.Report(rule, link->link.url_span,
                  kind.label + " link is for " + link->check.id + " but the paper's " + source_kind.label +
                      " link is for " + source->check.id + " (a line pasted under the wrong paper?)",
                  std::move(fix));
    }
  }
}

}  // namespace

extern const Rule kRule_DL307{
    {"DL307", "link-id-mismatch", Severity::kError, FixAvailability::kUnsafe,
     "A link's identifier differs from the one it must repeat (same-id-as)", false, false, "alphaxiv-id-mismatch"},
    Check,
    FormatLinks};

}  // namespace digestlint
