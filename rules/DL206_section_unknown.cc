// DL206 section-unknown: a section the schema does not know.
#include "rule.h"
#include "section_helpers.h"

namespace digestlint {

namespace {

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  const PostSpec& spec = *post.spec;
  if (spec.allow_extra_sections) return;
  std::string known;
  for (const SectionSpec& section : spec.sections) known += (known.empty() ? "" : ", ") + section.name;
  for (const Paper& paper : post.papers) {
    for (const Section& section : paper.sections) {
      if (section.level != spec.section_heading_level || RequiredIndex(spec, section.name) >= 0) continue;
      sink.Report(rule, section.heading,
                  "unknown section '" + HeadingText(spec, section.name) + "'; the sections are " + known);
    }
  }
}

}  // namespace

extern const Rule kSectionUnknown{
    {"DL206", "section-unknown", Severity::kError, "A section heading is not one of the schema's sections"}, Check};

}  // namespace digestlint
