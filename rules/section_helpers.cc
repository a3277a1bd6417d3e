#include "section_helpers.h"

#include "text.h"

namespace digestlint {

bool AtSectionLevel(const Section& section, const SectionsFormat& format) {
  return format.form == SectionForm::kLabel ? section.level == 0 : section.level == format.level;
}

const Section* FindSection(const Paper& paper, const SectionSpec& spec, const SectionsFormat& format,
                           bool at_level_only) {
  for (const Section& section : paper.sections) {
    if (section.spec == &spec && (!at_level_only || AtSectionLevel(section, format))) return &section;
  }
  return nullptr;
}

const Section* FirstLikeIt(const Paper& paper, const Section& section, const SectionsFormat& format) {
  for (const Section& other : paper.sections) {
    if (!AtSectionLevel(other, format)) continue;
    const bool same = section.spec
                          ? other.spec == section.spec
                          : !other.spec && (format.case_sensitive ? other.name == section.name
                                                                  : EqualsIgnoringCase(other.name, section.name));
    if (same) return &other;
  }
  return nullptr;
}

}  // namespace digestlint
