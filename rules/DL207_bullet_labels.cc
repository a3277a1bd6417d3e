// DL207 bullet-labels: a section lacks the labelled bullets the schema lists.
#include "rule.h"
#include "section_helpers.h"

namespace digestlint {

namespace {

bool HasLabel(const Section& section, const std::string& label) {
  for (const std::string& item : section.list_items) {
    if (item.size() > label.size() && item.compare(0, label.size(), label) == 0 && item[label.size()] == ':') {
      return true;
    }
  }
  return false;
}

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  const PostSpec& spec = *post.spec;
  for (const Paper& paper : post.papers) {
    for (const SectionSpec& wanted : spec.sections) {
      const Section* section = FindSection(paper, wanted.name, spec.section_heading_level);
      if (!section || !section->has_content) continue;
      std::string missing;
      for (const std::string& label : wanted.bullet_labels) {
        if (!HasLabel(*section, label)) missing += (missing.empty() ? "'- " : ", '- ") + label + ":'";
      }
      if (missing.empty()) continue;
      sink.Report(rule, section->heading,
                  "'" + HeadingText(spec, wanted.name) + "' of paper " + PaperLabel(paper) +
                      " lacks the labelled bullets " + missing);
    }
  }
}

}  // namespace

extern const Rule kBulletLabels{
    {"DL207", "bullet-labels", Severity::kWarning, "A section lacks the labelled bullets the schema expects"}, Check};

}  // namespace digestlint
