// DL403 no-papers: a digest post summarises at least one paper.
#include "rule.h"

namespace digestlint {

namespace {

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  // An empty file is DL101's alone; papers in another unit are DL404's.
  if (!post.papers.empty() || post.unit_mismatch ||
      post.source->text().find_first_not_of(" \t\r\n") == std::string::npos) {
    return;
  }
  // At the body, or at the top when there is no body at all.
  const size_t at = post.front_matter.body_start < post.source->text().size() ? post.front_matter.body_start : 0;
  sink.Report(rule, Span{at, at},
              "the post has no papers: expected " + post.format->UnitDescription() + " like '" +
                  post.format->PaperExample(post.format->papers.numbering.start) + "'");
}

}  // namespace

extern const Rule kRule_DL403{
    {"DL403", "no-papers", Severity::kError, FixAvailability::kNone, "The post contains no papers"},
    Check,
    FormatPapers};

}  // namespace digestlint
