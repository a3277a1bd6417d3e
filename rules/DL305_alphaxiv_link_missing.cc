// DL305 alphaxiv-link-missing: every paper has its Alphaxiv line.
#include "rule.h"

namespace digestlint {

namespace {

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  const PostSpec& spec = *post.spec;
  const std::string language = spec.alphaxiv_language.empty() ? "" : spec.alphaxiv_language + "/";
  for (const Paper& paper : post.papers) {
    if (paper.alphaxiv) continue;
    sink.Report(rule, paper.heading,
                "paper " + (paper.number ? std::to_string(*paper.number) : std::string("(unnumbered)")) +
                    " has no '> [" + spec.alphaxiv_label + "](https://www.alphaxiv.org/" + language +
                    "overview/ID)' line before its first section");
  }
}

}  // namespace

extern const Rule kAlphaxivLinkMissing{
    {"DL305", "alphaxiv-link-missing", Severity::kError, "A paper has no Alphaxiv line under its heading"}, Check};

}  // namespace digestlint
