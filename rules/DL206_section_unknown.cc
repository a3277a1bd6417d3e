// DL206 section-unknown: a section the schema does not list, where it allows no others.
#include "edit_distance.h"
#include "rule.h"
#include "section_helpers.h"

namespace digestlint {

namespace {

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  const SectionsFormat& sections = post.format->sections;
  if (sections.allow_extra) return;
  for (const Paper& paper : post.papers) {
    for (const Section& section : paper.sections) {
      if (section.spec || !AtSectionLevel(section, sections)) continue;
      std::vector<std::string> names;
      for (const SectionSpec& spec : sections.list)
        names.insert(names.end(), spec.name.forms().begin(), spec.name.forms().end());
      const std::string suggestion = ClosestMatch(section.name, names);
      sink.Report(rule, section.heading,
                  "unknown section '" + sections.Written(section.name) + "'" +
                      (suggestion.empty() ? "" : " (did you mean '" + sections.Written(suggestion) + "'?)") +
                      "; the sections are " + sections.Names());
    }
  }
}

}  // namespace

extern const Rule kRule_DL206{{"DL206", "section-unknown", Severity::kError, FixAvailability::kNone,
                               "A section is not one of the schema's sections"},
                              Check,
                              FormatSections};

}  // namespace digestlint
