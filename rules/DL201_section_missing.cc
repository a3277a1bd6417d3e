// DL201 section-missing: each paper has every section the schema requires.
#include "rule.h"
#include "section_helpers.h"

namespace digestlint {

namespace {

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  for (const Paper& paper : post.papers) {
    for (const SectionSpec& required : post.spec->sections) {
      if (FindSection(paper, required.name, post.spec->section_heading_level)) continue;
      const Section* wrong_level = FindSection(paper, required.name, std::nullopt);
      if (wrong_level) continue;  // DL204 reports it where it stands
      sink.Report(rule, paper.heading,
                  "paper " + PaperLabel(paper) + " has no '" + HeadingText(*post.spec, required.name) + "' section");
    }
  }
}

}  // namespace

extern const Rule kSectionMissing{
    {"DL201", "section-missing", Severity::kError, "A paper lacks a section the schema requires"}, Check};

}  // namespace digestlint
