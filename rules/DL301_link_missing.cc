// DL301 link-missing: every paper has each link kind the schema requires, where it belongs.
#include "fix_helpers.h"
#include "rule.h"

namespace digestlint {

namespace {

// Safe: a link that goes on its own line after the title, whose identifier
// another link of the paper gives (same-id-as), is inserted as that line.
std::optional<Fix> InsertLine(const Post& post, const Paper& paper, const LinkKind& kind) {
  if (kind.place != LinkPlace::kAfterTitle || !kind.line || kind.same_id_as < 0 || paper.list_item) return std::nullopt;
  if (paper.MisplacedLinkOf(kind)) return std::nullopt;  // moving it is a person's call
  const LinkKind& source = post.format->links[static_cast<size_t>(kind.same_id_as)];
  const PaperLink* known = paper.LinkOf(source);
  if (!known || !known->check.id_valid) return std::nullopt;
  const std::string newline(post.source->LineEnding());
  const std::string line = kind.line->Render(known->check.id, kind.url.Render(known->check.id));
  return SingleEdit(FixSafety::kSafe, Span{paper.after_title, paper.after_title}, newline + newline + line);
}

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  const DigestFormat& format = *post.format;
  for (const Paper& paper : post.papers) {
    for (const LinkKind& kind : format.links) {
      if (!kind.required || paper.LinkOf(kind)) continue;
      std::string message;
      if (const PaperLink* elsewhere = paper.MisplacedLinkOf(kind)) {
        message = "paper " + paper.Label() + "'s " + kind.label + " link (line " +
                  std::to_string(post.source->PositionOf(elsewhere->link.span.begin).line) + ") is not " +
                  kind.PlaceDescription() + ", where it belongs";
      } else if (kind.place == LinkPlace::kTitle) {
        message = "paper " + paper.Label() + " has no " + kind.label + " link in its title; write it as '" +
                  format.PaperExample(paper.number.value_or(format.papers.numbering.start)) + "'";
      } else {
        message = "paper " + paper.Label() + " has no " + kind.label + " link; add '" + kind.Example() + "' " +
                  kind.PlaceDescription();
      }
      sink.Report(rule, paper.heading, message, InsertLine(post, paper, kind));
    }
  }
}

}  // namespace

extern const Rule kRule_DL301{{"DL301", "link-missing", Severity::kError, FixAvailability::kSafe,
                               "A paper lacks a link the schema requires, or has it in the wrong place", false, false,
                               "arxiv-link-missing alphaxiv-link-missing DL305"},
                              Check,
                              FormatLinks};

}  // namespace digestlint
