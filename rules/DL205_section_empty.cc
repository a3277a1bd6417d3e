// DL205 section-empty: a section with nothing in it, or only a placeholder.
#include "rule.h"
#include "section_helpers.h"

namespace digestlint {

namespace {

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  const SectionsFormat& sections = post.format->sections;
  for (const Paper& paper : post.papers) {
    for (const Section& section : paper.sections) {
      if (!AtSectionLevel(section, sections) || (section.has_content && !section.placeholder_only)) continue;
      const std::string written = "'" + sections.Written(section.name) + "' of paper " + paper.Label();
      sink.Report(rule, section.heading,
                  section.placeholder_only ? written + " holds only a placeholder, " + sections.placeholders.Describe()
                                           : written + " is empty");
    }
  }
}

}  // namespace

extern const Rule kRule_DL205{{"DL205", "section-empty", Severity::kError, FixAvailability::kNone,
                               "A section has no content, or only a placeholder"},
                              Check,
                              FormatSections};

}  // namespace digestlint
