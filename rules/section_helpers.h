#pragma once
// Small queries over a paper's sections, shared by the DL2xx rules.

#include "post.h"

namespace digestlint {

/// Whether `section` stands where the format's sections do (its heading level;
/// any bold label counts).
bool AtSectionLevel(const Section& section, const SectionsFormat& format);

/// The first section of `paper` that is `spec` (at any level unless
/// `at_level_only`), or nullptr.
const Section* FindSection(const Paper& paper, const SectionSpec& spec, const SectionsFormat& format,
                           bool at_level_only);

/// The first section at the format's level with the same listed section (or,
/// for unlisted ones, the same name) as `section`.
const Section* FirstLikeIt(const Paper& paper, const Section& section, const SectionsFormat& format);

}  // namespace digestlint
