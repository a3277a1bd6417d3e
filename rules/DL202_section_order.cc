// DL202 section-order: a paper's sections follow the schema's order.
#include <algorithm>

#include "fix_helpers.h"
#include "rule.h"
#include "section_helpers.h"

namespace digestlint {

namespace {

std::string ExpectedOrder(const PostSpec& spec) {
  std::string order;
  for (const SectionSpec& section : spec.sections) order += (order.empty() ? "" : ", ") + section.name;
  return order;
}

// Unsafe: moves whole sections (heading to next heading) into the schema's
// order. Offered only when every section is a distinct known one at the right
// level, so nothing is guessed.
std::optional<Fix> Reorder(const Post& post, const Paper& paper) {
  const PostSpec& spec = *post.spec;
  std::vector<std::pair<int, const Section*>> order;
  for (const Section& section : paper.sections) {
    const int index = RequiredIndex(spec, section.name);
    if (index < 0 || section.level != spec.section_heading_level ||
        FindSection(paper, section.name, std::nullopt) != &section) {
      return std::nullopt;
    }
    order.emplace_back(index, &section);
  }
  std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  const std::string& text = post.source->text();
  const std::string newline(post.source->LineEnding());
  std::string replacement;
  for (const auto& [index, section] : order) {
    std::string block = text.substr(section->block.begin, section->block.end - section->block.begin);
    if (block.empty() || block.back() != '\n') block += newline;
    replacement += block;
  }
  const Span whole{paper.sections.front().block.begin, paper.sections.back().block.end};
  // The last block may have lacked a final line break; keep the file's ending as it was.
  if (whole.end == text.size() && !text.empty() && text.back() != '\n')
    replacement.resize(replacement.size() - newline.size());
  return SingleEdit(FixSafety::kUnsafe, whole, replacement);
}

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  const PostSpec& spec = *post.spec;
  for (const Paper& paper : post.papers) {
    const Section* latest = nullptr;  // the section with the highest schema index so far
    int latest_index = -1;
    bool fix_offered = false;  // one fix per paper reorders all of it
    for (const Section& section : paper.sections) {
      const int index = RequiredIndex(spec, section.name);
      if (index < 0 || section.level != spec.section_heading_level) continue;
      if (FindSection(paper, section.name, spec.section_heading_level) != &section) continue;  // DL203's
      if (index < latest_index) {
        sink.Report(rule, section.heading,
                    "'" + HeadingText(spec, section.name) + "' comes after '" + HeadingText(spec, latest->name) +
                        "'; the order is " + ExpectedOrder(spec),
                    fix_offered ? std::nullopt : Reorder(post, paper));
        fix_offered = true;
        continue;
      }
      latest = &section;
      latest_index = index;
    }
  }
}

}  // namespace

extern const Rule kSectionOrder{
    {"DL202", "section-order", Severity::kError, "A paper's sections are not in the schema's order", false, false,
     FixAvailability::kUnsafe},
    Check};

}  // namespace digestlint
