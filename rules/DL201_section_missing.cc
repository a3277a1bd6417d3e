// DL201 section-missing: each paper has every section the schema requires.
#include "fix_helpers.h"
#include "rule.h"
#include "section_helpers.h"

namespace digestlint {

namespace {

// Unsafe: inserts the section with the format's placeholder ("## Name" and
// a "TODO" line, or "**Name**: TODO") where it belongs in the listed order,
// for a person to fill in. Not offered where the text could land inside an
// open block (an unclosed fence at the end of the file) or inside a list item.
std::optional<Fix> InsertPlaceholder(const Post& post, const Paper& paper, int missing_index) {
  const SectionsFormat& sections = post.format->sections;
  if (paper.list_item) return std::nullopt;
  const std::string newline(post.source->LineEnding());
  size_t at = paper.end;
  for (const Section& section : paper.sections) {
    if (section.index > missing_index && AtSectionLevel(section, sections)) {
      at = section.block.begin;
      break;
    }
  }
  const SectionSpec& spec = sections.list[static_cast<size_t>(missing_index)];
  const std::string& placeholder = sections.placeholders.canonical();
  const std::string& text = post.source->text();
  if (sections.form == SectionForm::kLabel) {
    // A label line joins the paragraph of the label it goes before.
    if (at == paper.end) return std::nullopt;
    return SingleEdit(FixSafety::kUnsafe, Span{at, at}, sections.Written(spec) + " " + placeholder + newline);
  }
  if (at == text.size() && post.ends_in_open_block) return std::nullopt;
  // Keep a blank line between blocks, and no extra one at the end of the file.
  const std::string_view before = std::string_view(text).substr(0, at);
  std::string insertion = sections.Written(spec) + newline + placeholder + newline;
  if (at < text.size()) insertion += newline;
  const bool blank_before =
      before.size() >= 2 * newline.size() && before.substr(before.size() - 2 * newline.size()) == newline + newline;
  if (!before.empty() && !blank_before) insertion = (before.back() == '\n' ? newline : newline + newline) + insertion;
  return SingleEdit(FixSafety::kUnsafe, Span{at, at}, insertion);
}

void Check(const Post& post, const RuleInfo& rule, DiagnosticSink& sink) {
  const SectionsFormat& sections = post.format->sections;
  for (const Paper& paper : post.papers) {
    for (size_t i = 0; i < sections.list.size(); ++i) {
      const SectionSpec& spec = sections.list[i];
      if (!spec.required || FindSection(paper, spec, sections, false)) continue;  // present, or DL204's
      sink.Report(rule, paper.heading, "paper " + paper.Label() + " has no '" + sections.Written(spec) + "' section",
                  InsertPlaceholder(post, paper, static_cast<int>(i)));
    }
  }
}

}  // namespace

extern const Rule kRule_DL201{{"DL201", "section-missing", Severity::kError, FixAvailability::kUnsafe,
                               "A paper lacks a section the schema requires", false, false, "", "DL205"},
                              Check,
                              FormatSections};

}  // namespace digestlint
