// DL202 section-order: a paper's sections follow the schema's order.
#include "rule.h"
#include "section_helpers.h"

namespace digestlint {

namespace {

std::string ExpectedOrder(const PostSpec& spec) {
  std::string order;
  for (const SectionSpec& section : spec.sections) order += (order.empty() ? "" : ", ") + section.name;
  return order;
}

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  const PostSpec& spec = *post.spec;
  for (const Paper& paper : post.papers) {
    const Section* latest = nullptr;  // the section with the highest schema index so far
    int latest_index = -1;
    for (const Section& section : paper.sections) {
      const int index = RequiredIndex(spec, section.name);
      if (index < 0 || section.level != spec.section_heading_level) continue;
      if (FindSection(paper, section.name, spec.section_heading_level) != &section) continue;  // DL203's
      if (index < latest_index) {
        sink.Report(rule, section.heading,
                    "'" + HeadingText(spec, section.name) + "' comes after '" + HeadingText(spec, latest->name) +
                        "'; the order is " + ExpectedOrder(spec));
        continue;
      }
      latest = &section;
      latest_index = index;
    }
  }
}

}  // namespace

extern const Rule kSectionOrder{
    {"DL202", "section-order", Severity::kError, "A paper's sections are not in the schema's order"}, Check};

}  // namespace digestlint
