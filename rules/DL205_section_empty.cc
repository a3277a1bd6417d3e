// DL205 section-empty: a section heading with nothing under it.
#include "rule.h"
#include "section_helpers.h"

namespace digestlint {

namespace {

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  for (const Paper& paper : post.papers) {
    for (const Section& section : paper.sections) {
      if (section.has_content || section.level != post.spec->section_heading_level) continue;
      sink.Report(rule, section.heading,
                  "'" + HeadingText(*post.spec, section.name) + "' of paper " + PaperLabel(paper) + " is empty");
    }
  }
}

}  // namespace

extern const Rule kSectionEmpty{{"DL205", "section-empty", Severity::kError, "A section has no content"}, Check};

}  // namespace digestlint
