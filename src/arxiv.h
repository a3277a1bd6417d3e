#pragma once
// arXiv identifiers and the URL forms of arXiv and Alphaxiv links, following
// arXiv's documented scheme (see README, "The digest format").

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace digestlint {

struct ArxivId {
  std::string base;  // the identifier without its version, e.g. "2510.19871"
  int year = 0;      // four digits
  int month = 0;     // 1-12
};

/// Parses `text` as an arXiv identifier (new style YYMM.NNNN(N), old style
/// archive(.XX)/YYMMNNN, optional vN); on failure sets `why` in plain words.
std::optional<ArxivId> ParseArxivId(std::string_view text, std::string* why);

/// A link analysed against the one form a digest should use.
struct LinkAnalysis {
  bool points_at_site = false;        // the host is the expected site at all
  std::string id;                     // identifier text found in the URL ("" if none)
  std::vector<std::string> problems;  // why it is not the canonical form
  std::string canonical;              // the canonical URL, when an id was found
};

/// Checks `url` against https://arxiv.org/abs/<id>.
LinkAnalysis AnalyzeArxivUrl(std::string_view url);

/// Checks `url` against https://www.alphaxiv.org/<language>/overview/<id>
/// (no language segment when `language` is empty, which means English).
LinkAnalysis AnalyzeAlphaxivUrl(std::string_view url, std::string_view language);

/// The identifier without a trailing version: "2510.19871v2" -> "2510.19871".
std::string WithoutVersion(std::string_view id);

}  // namespace digestlint
