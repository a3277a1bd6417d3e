// DL203 section-duplicate: a section appears twice in one paper.
#include "rule.h"
#include "section_helpers.h"

namespace digestlint {

namespace {

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  const PostSpec& spec = *post.spec;
  for (const Paper& paper : post.papers) {
    for (const Section& section : paper.sections) {
      if (section.level != spec.section_heading_level) continue;
      const Section* first = FindSection(paper, section.name, spec.section_heading_level);
      if (first == &section) continue;
      sink.Report(rule, section.heading,
                  "'" + HeadingText(spec, section.name) + "' appears again in paper " + PaperLabel(paper) +
                      " (first at line " + std::to_string(post.source->PositionOf(first->heading.begin).line) + ")");
    }
  }
}

}  // namespace

extern const Rule kSectionDuplicate{
    {"DL203", "section-duplicate", Severity::kError, "A section heading appears twice in one paper"}, Check};

}  // namespace digestlint
