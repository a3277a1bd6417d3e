// DL207 bullet-labels: a section lacks the labelled bullets the schema lists.
#include <algorithm>

#include "rule.h"
#include "section_helpers.h"

namespace digestlint {

namespace {

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  const SectionsFormat& sections = post.format->sections;
  for (const Paper& paper : post.papers) {
    for (const SectionSpec& wanted : sections.list) {
      const Section* section = FindSection(paper, wanted, sections, true);
      if (!section || !section->has_content || section->placeholder_only) continue;
      std::string missing;
      for (const Words& label : wanted.bullets) {
        const bool present =
            std::any_of(section->list_items.begin(), section->list_items.end(),
                        [&](const std::string& item) { return sections.StartsWithLabel(item, label); });
        if (!present)
          missing += (missing.empty() ? "'- " : ", '- ") + label.canonical() + sections.separators.front() + "'";
      }
      if (missing.empty()) continue;
      sink.Report(
          rule, section->heading,
          "'" + sections.Written(wanted) + "' of paper " + paper.Label() + " lacks the labelled bullets " + missing);
    }
  }
}

}  // namespace

extern const Rule kRule_DL207{{"DL207", "bullet-labels", Severity::kWarning, FixAvailability::kNone,
                               "A section lacks the labelled bullets the schema lists"},
                              Check,
                              FormatSections};

}  // namespace digestlint
