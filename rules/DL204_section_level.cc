// DL204 section-level: a listed section written at the wrong heading level.
#include "rule.h"
#include "section_helpers.h"

namespace digestlint {

namespace {

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  const SectionsFormat& sections = post.format->sections;
  if (sections.form != SectionForm::kHeading) return;
  for (const Paper& paper : post.papers) {
    for (const Section& section : paper.sections) {
      if (!section.spec || AtSectionLevel(section, sections)) continue;
      sink.Report(rule, section.heading,
                  "'" + std::string(static_cast<size_t>(section.level), '#') + " " + section.name + "' is a level-" +
                      std::to_string(section.level) + " heading; sections are level " + std::to_string(sections.level) +
                      ": '" + sections.Written(*section.spec) + "'");
    }
  }
}

}  // namespace

extern const Rule kRule_DL204{
    {"DL204", "section-level", Severity::kError, FixAvailability::kNone, "A section heading has the wrong level"},
    Check,
    FormatSections};

}  // namespace digestlint
