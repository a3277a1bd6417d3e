#pragma once
// arXiv identifiers, following arXiv's documented scheme: YYMM.NNNN (April 2007
// to December 2014), YYMM.NNNNN (from January 2015), archive(.XX)/YYMMNNN
// before April 2007, each with an optional version vN. The built-in ID
// grammar "arxiv" of the schema's link kinds.

#include <optional>
#include <string>
#include <string_view>

namespace digestlint {

struct ArxivId {
  std::string base;  // the identifier without its version, e.g. "2510.19871"
  int year = 0;      // four digits
  int month = 0;     // 1-12
};

/// Parses `text` as an arXiv identifier; on failure sets `why` in plain words.
std::optional<ArxivId> ParseArxivId(std::string_view text, std::string* why);

/// The identifier without a trailing version: "2510.19871v2" -> "2510.19871".
std::string WithoutVersion(std::string_view id);

}  // namespace digestlint
