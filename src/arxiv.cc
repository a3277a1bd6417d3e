#include "arxiv.h"

#include <algorithm>
#include <cctype>

#include <re2/re2.h>

namespace digestlint {

namespace {

struct UrlParts {
  std::string scheme;  // "" when missing
  std::string host;
  std::string path;  // starts with "/" when present
};

// [scheme:][//]host path [?query][#fragment], by hand: it runs for every link
// of every post, and a capturing RE2 match costs ten times as much.
UrlParts SplitUrl(std::string_view url) {
  const auto is_scheme_char = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '.' || c == '-';
  };
  UrlParts parts;
  size_t scheme_end = 0;
  if (!url.empty() && std::isalpha(static_cast<unsigned char>(url[0]))) {
    while (scheme_end < url.size() && is_scheme_char(url[scheme_end])) ++scheme_end;
  }
  if (scheme_end > 0 && scheme_end < url.size() && url[scheme_end] == ':') {
    parts.scheme = std::string(url.substr(0, scheme_end));
    url.remove_prefix(scheme_end + 1);
  }
  if (url.substr(0, 2) == "//") url.remove_prefix(2);
  const size_t host_end = std::min(url.find_first_of("/?#"), url.size());
  parts.host = std::string(url.substr(0, host_end));
  url.remove_prefix(host_end);
  parts.path = std::string(url.substr(0, std::min(url.find_first_of("?#"), url.size())));
  for (char& c : parts.host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return parts;
}

void CheckScheme(const UrlParts& parts, std::vector<std::string>& problems) {
  if (parts.scheme.empty()) {
    problems.emplace_back("has no https:// scheme");
  } else if (parts.scheme != "https") {
    problems.push_back("uses " + parts.scheme + ": instead of https:");
  }
}

}  // namespace

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
  if (!version.empty() && std::stoi(version) < 1) {
    *why = "version v" + version + " does not exist (versions start at v1)";
    return std::nullopt;
  }
  id.base = WithoutVersion(text);
  return id;
}

LinkAnalysis AnalyzeArxivUrl(std::string_view url) {
  LinkAnalysis result;
  const UrlParts parts = SplitUrl(url);
  const bool known_host =
      parts.host == "arxiv.org" || parts.host == "www.arxiv.org" || parts.host == "export.arxiv.org";
  if (!known_host) return result;
  result.points_at_site = true;
  CheckScheme(parts, result.problems);
  if (parts.host != "arxiv.org") result.problems.push_back("uses the host " + parts.host + " instead of arxiv.org");

  static const RE2 kPath(R"(/(abs|pdf|html)?/?(.*?)(\.pdf)?/?)");
  std::string kind;
  std::string id;
  std::string pdf_suffix;
  RE2::FullMatch(parts.path, kPath, &kind, &id, &pdf_suffix);
  if (kind.empty()) {
    result.problems.emplace_back("has no /abs/ before the identifier");
  } else if (kind != "abs") {
    result.problems.push_back("points at /" + kind + "/ instead of the abstract page /abs/");
  }
  if (!pdf_suffix.empty()) result.problems.emplace_back("ends in .pdf");
  result.id = id;
  if (!id.empty()) result.canonical = "https://arxiv.org/abs/" + id;
  return result;
}

LinkAnalysis AnalyzeAlphaxivUrl(std::string_view url, std::string_view language) {
  LinkAnalysis result;
  const UrlParts parts = SplitUrl(url);
  if (parts.host != "www.alphaxiv.org" && parts.host != "alphaxiv.org") return result;
  result.points_at_site = true;
  CheckScheme(parts, result.problems);
  if (parts.host != "www.alphaxiv.org")
    result.problems.push_back("uses the host " + parts.host + " instead of www.alphaxiv.org");

  static const RE2 kPath(R"(/(?:([a-z]{2}(?:-[a-z]{2})?)/)?([a-z]+)/(.*?)/?)");
  std::string found_language;
  std::string page;
  std::string id;
  if (!RE2::FullMatch(parts.path, kPath, &found_language, &page, &id)) {
    result.problems.push_back("is not an overview page (/" + std::string(language) + (language.empty() ? "" : "/") +
                              "overview/<id>)");
    return result;
  }
  if (page != "overview") result.problems.push_back("points at /" + page + "/ instead of /overview/");
  if (found_language != language) {
    result.problems.push_back((found_language.empty() ? std::string("has no language segment")
                                                      : "has the language segment /" + found_language + "/") +
                              (language.empty() ? std::string(" but the schema expects English (none)")
                                                : " but the schema expects /" + std::string(language) + "/"));
  }
  result.id = id;
  if (!id.empty()) {
    result.canonical =
        "https://www.alphaxiv.org/" + std::string(language) + (language.empty() ? "" : "/") + "overview/" + id;
  }
  return result;
}

}  // namespace digestlint
