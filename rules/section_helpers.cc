#include "section_helpers.h"

#include "text.h"

namespace digestlint {

const Section* FindSection(const Paper& paper, const std::string& name, std::optional<int> level) {
  for (const Section& section : paper.sections) {
    if (EqualsIgnoringCase(section.name, name) && (!level || section.level == *level)) return &section;
  }
  return nullptr;
}

int RequiredIndex(const PostSpec& spec, const std::string& name) {
  for (size_t i = 0; i < spec.sections.size(); ++i) {
    if (EqualsIgnoringCase(spec.sections[i].name, name)) return static_cast<int>(i);
  }
  return -1;
}

std::string HeadingText(const PostSpec& spec, const std::string& name) {
  return std::string(static_cast<size_t>(spec.section_heading_level), '#') + " " + name;
}

std::string PaperLabel(const Paper& paper) {
  return paper.number ? std::to_string(*paper.number) : std::string("(unnumbered)");
}

}  // namespace digestlint
