// DL203 section-duplicate: a section appears twice in one paper.
#include "rule.h"
#include "section_helpers.h"

namespace digestlint {

namespace {

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  const SectionsFormat& sections = post.format->sections;
  for (const Paper& paper : post.papers) {
    for (const Section& section : paper.sections) {
      if (!AtSectionLevel(section, sections)) continue;
      const Section* first = FirstLikeIt(paper, section, sections);
      if (first == &section) continue;
      sink.Report(rule, section.heading,
                  "'" + sections.Written(section.name) + "' appears again in paper " + paper.Label() +
                      " (first at line " + std::to_string(post.source->PositionOf(first->heading.begin).line) + ")");
    }
  }
}

}  // namespace

extern const Rule kRule_DL203{
    {"DL203", "section-duplicate", Severity::kError, FixAvailability::kNone, "A section appears twice in one paper"},
    Check,
    FormatSections};

}  // namespace digestlint
