// DL204 section-level: a required section written at the wrong heading level.
#include "rule.h"
#include "section_helpers.h"

namespace digestlint {

namespace {

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  const PostSpec& spec = *post.spec;
  for (const Paper& paper : post.papers) {
    for (const Section& section : paper.sections) {
      if (section.level == spec.section_heading_level || RequiredIndex(spec, section.name) < 0) continue;
      sink.Report(rule, section.heading,
                  "'" + std::string(static_cast<size_t>(section.level), '#') + " " + section.name + "' is a level-" +
                      std::to_string(section.level) + " heading; sections are level " +
                      std::to_string(spec.section_heading_level) + ": '" + HeadingText(spec, section.name) + "'");
    }
  }
}

}  // namespace

extern const Rule kSectionLevel{{"DL204", "section-level", Severity::kError, "A section heading has the wrong level"},
                                Check};

}  // namespace digestlint
