// DL305 alphaxiv-link-missing: every paper has its Alphaxiv line.
#include "arxiv.h"
#include "fix_helpers.h"
#include "rule.h"

namespace digestlint {

namespace {

// Inserts "> [Alphaxiv](URL)" as its own paragraph right after the heading.
std::optional<Fix> InsertAlphaxivLine(const Post& post, const Paper& paper) {
  if (!paper.link) return std::nullopt;
  const LinkAnalysis& arxiv = paper.arxiv_analysis;
  std::string why;
  if (arxiv.id.empty() || !ParseArxivId(arxiv.id, &why)) return std::nullopt;
  const std::string url =
      AnalyzeAlphaxivUrl("https://www.alphaxiv.org/overview/" + arxiv.id, post.spec->alphaxiv_language).canonical;
  const std::string newline(post.source->LineEnding());
  const int heading_line = post.source->PositionOf(paper.heading.begin).line;
  const size_t end_of_heading = post.source->LineContentEnd(heading_line);
  return SingleEdit(FixSafety::kSafe, Span{end_of_heading, end_of_heading},
                    newline + newline + "> [" + post.spec->alphaxiv_label + "](" + url + ")");
}

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  const PostSpec& spec = *post.spec;
  const std::string language = spec.alphaxiv_language.empty() ? "" : spec.alphaxiv_language + "/";
  for (const Paper& paper : post.papers) {
    if (paper.alphaxiv) continue;
    sink.Report(rule, paper.heading,
                "paper " + (paper.number ? std::to_string(*paper.number) : std::string("(unnumbered)")) +
                    " has no '> [" + spec.alphaxiv_label + "](https://www.alphaxiv.org/" + language +
                    "overview/ID)' line before its first section",
                InsertAlphaxivLine(post, paper));
  }
}

}  // namespace

extern const Rule kAlphaxivLinkMissing{
    {"DL305", "alphaxiv-link-missing", Severity::kError, "A paper has no Alphaxiv line under its heading", false, false,
     FixAvailability::kSafe},
    Check};

}  // namespace digestlint
