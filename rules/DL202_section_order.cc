// DL202 section-order: a paper's sections follow the schema's order.
#include <algorithm>

#include "fix_helpers.h"
#include "rule.h"
#include "section_helpers.h"

namespace digestlint {

namespace {

// Unsafe: moves whole sections (heading to next heading) into the schema's
// order. Offered only when every section is a distinct listed one at the
// right level, so nothing is guessed.
std::optional<Fix> Reorder(const Post& post, const Paper& paper) {
  const SectionsFormat& sections = post.format->sections;
  std::vector<const Section*> order;
  for (const Section& section : paper.sections) {
    if (!section.spec || !AtSectionLevel(section, sections) || FirstLikeIt(paper, section, sections) != &section) {
      return std::nullopt;
    }
    order.push_back(&section);
  }
  std::stable_sort(order.begin(), order.end(), [](const Section* a, const Section* b) { return a->index < b->index; });
  const std::string& text = post.source->text();
  const std::string newline(post.source->LineEnding());
  std::string replacement;
  for (const Section* section : order) {
    std::string block = text.substr(section->block.begin, section->block.end - section->block.begin);
    if (block.empty() || block.back() != '\n') block += newline;
    replacement += block;
  }
  const Span whole{paper.sections.front().block.begin, paper.sections.back().block.end};
  // The last block may have lacked a final line break; keep the file's ending as it was.
  if (whole.end == text.size() && !text.empty() && text.back() != '\n') {
    replacement.resize(replacement.size() - newline.size());
  }
  return SingleEdit(FixSafety::kUnsafe, whole, replacement);
}

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  const SectionsFormat& sections = post.format->sections;
  if (!sections.ordered) return;
  for (const Paper& paper : post.papers) {
    const Section* latest = nullptr;  // the section with the highest listed index so far
    bool fix_offered = false;         // one fix per paper reorders all of it
    for (const Section& section : paper.sections) {
      if (!section.spec || !AtSectionLevel(section, sections)) continue;
      if (FirstLikeIt(paper, section, sections) != &section) continue;  // DL203's
      if (latest && section.index < latest->index) {
        sink.Report(rule, section.heading,
                    "'" + sections.Written(*section.spec) + "' comes after '" + sections.Written(*latest->spec) +
                        "'; the order is " + sections.Names(),
                    fix_offered ? std::nullopt : Reorder(post, paper));
        fix_offered = true;
        continue;
      }
      latest = &section;
    }
  }
}

}  // namespace

extern const Rule kRule_DL202{{"DL202", "section-order", Severity::kError, FixAvailability::kUnsafe,
                               "A paper's sections are not in the schema's order"},
                              Check,
                              FormatSections};

}  // namespace digestlint
