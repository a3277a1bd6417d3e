// DL201 section-missing: each paper has every section the schema requires.
#include "fix_helpers.h"
#include "rule.h"
#include "section_helpers.h"

namespace digestlint {

namespace {

// Unsafe: inserts "## Name" with a TODO line where the section belongs in the
// schema's order, for a person to fill in. None at the end of a file whose
// last block is still open (an unclosed fence would swallow the heading).
std::optional<Fix> InsertPlaceholder(const Post& post, const Paper& paper, size_t missing_index) {
  const PostSpec& spec = *post.spec;
  const std::string newline(post.source->LineEnding());
  size_t at = paper.end;
  for (const Section& section : paper.sections) {
    const int index = RequiredIndex(spec, section.name);
    if (index > static_cast<int>(missing_index) && section.level == spec.section_heading_level) {
      at = section.block.begin;
      break;
    }
  }
  // Keep a blank line between blocks, and no extra one at the end of the file.
  const std::string& text = post.source->text();
  const std::string_view before = std::string_view(text).substr(0, at);
  std::string insertion = HeadingText(spec, spec.sections[missing_index].name) + newline + "TODO" + newline;
  if (at < text.size()) insertion += newline;
  const bool blank_before =
      before.size() >= 2 * newline.size() && before.substr(before.size() - 2 * newline.size()) == newline + newline;
  if (!before.empty() && !blank_before) {
    insertion = (before.back() == '\n' ? newline : newline + newline) + insertion;
  }
  if (at == text.size() && !EndsWithHeading(text.substr(paper.heading.begin) + insertion, spec.section_heading_level)) {
    return std::nullopt;
  }
  return SingleEdit(FixSafety::kUnsafe, Span{at, at}, insertion);
}

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  const std::vector<SectionSpec>& sections = post.spec->sections;
  for (const Paper& paper : post.papers) {
    for (size_t i = 0; i < sections.size(); ++i) {
      if (FindSection(paper, sections[i].name, std::nullopt)) continue;  // present, or DL204's
      sink.Report(rule, paper.heading,
                  "paper " + PaperLabel(paper) + " has no '" + HeadingText(*post.spec, sections[i].name) + "' section",
                  InsertPlaceholder(post, paper, i));
    }
  }
}

}  // namespace

extern const Rule kSectionMissing{
    {"DL201", "section-missing", Severity::kError, "A paper lacks a section the schema requires", false, false,
     FixAvailability::kUnsafe},
    Check};

}  // namespace digestlint
