#include "arxiv.h"

#include <cctype>

#include <re2/re2.h>

namespace digestlint {

std::string WithoutVersion(std::string_view id) {
  size_t digits = id.size();
  while (digits > 0 && std::isdigit(static_cast<unsigned char>(id[digits - 1]))) --digits;
  const bool versioned = digits < id.size() && digits > 0 && id[digits - 1] == 'v';
  return std::string(versioned ? id.substr(0, digits - 1) : id);
}

std::optional<ArxivId> ParseArxivId(std::string_view text, std::string* why) {
  static const RE2 kNewStyle(R"(([0-9]{2})([0-9]{2})\.([0-9]+)(?:v([0-9]+))?)");
  static const RE2 kOldStyle(R"(([a-z]+(?:-[a-z]+)*)(\.[A-Z]{2})?/([0-9]{2})([0-9]{2})([0-9]{3})(?:v([0-9]+))?)");
  int yy = 0;
  int mm = 0;
  std::string number;
  std::string version;
  ArxivId id;
  if (RE2::FullMatch(text, kNewStyle, &yy, &mm, &number, &version)) {
    id.year = 2000 + yy;
    id.month = mm;
    const int yymm = yy * 100 + mm;
    const size_t digits = yymm <= 1412 ? 4 : 5;
    if (mm < 1 || mm > 12) {
      *why = "month " + std::to_string(mm) + " does not exist (YYMM.NNNNN needs MM from 01 to 12)";
      return std::nullopt;
    }
    if (yymm < 704) {
      *why = "new-style identifiers start in April 2007 (0704); older papers use archive/YYMMNNN";
      return std::nullopt;
    }
    if (number.size() != digits) {
      *why = "the number after the dot has " + std::to_string(number.size()) + " digits; identifiers from " +
             (digits == 4 ? "0704 to 1412 have 4" : "1501 on have 5");
      return std::nullopt;
    }
  } else if (std::string archive, subject;
             RE2::FullMatch(text, kOldStyle, &archive, &subject, &yy, &mm, &number, &version)) {
    id.year = yy >= 91 ? 1900 + yy : 2000 + yy;
    id.month = mm;
    if (mm < 1 || mm > 12) {
      *why = "month " + std::to_string(mm) + " does not exist (archive/YYMMNNN needs MM from 01 to 12)";
      return std::nullopt;
    }
    if (id.year * 100 + mm > 200703) {
      *why = "old-style identifiers end in March 2007; later papers use YYMM.NNNNN";
      return std::nullopt;
    }
  } else {
    *why = "is neither YYMM.NNNNN nor archive/YYMMNNN";
    return std::nullopt;
  }
  // The version is all digits (the pattern says so) but may be too long for an int.
  if (!version.empty() && version.find_first_not_of('0') == std::string::npos) {
    *why = "version v" + version + " does not exist (versions start at v1)";
    return std::nullopt;
  }
  id.base = WithoutVersion(text);
  return id;
}

}  // namespace digestlint
