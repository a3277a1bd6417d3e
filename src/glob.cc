#include "glob.h"

#include <re2/re2.h>

namespace digestlint {

namespace {

std::string GlobToRegex(const std::string& pattern) {
  std::string glob = pattern;
  if (glob.rfind("./", 0) == 0) glob.erase(0, 2);
  if (glob.find('/') == std::string::npos) glob = "**/" + glob;
  std::string regex;
  for (size_t i = 0; i < glob.size(); ++i) {
    const char c = glob[i];
    if (c == '*' && i + 1 < glob.size() && glob[i + 1] == '*') {
      const bool slash_after = i + 2 < glob.size() && glob[i + 2] == '/';
      regex += slash_after ? "(?:.*/)?" : ".*";
      i += slash_after ? 2 : 1;
    } else if (c == '*') {
      regex += "[^/]*";
    } else if (c == '?') {
      regex += "(?:[\\xC0-\\xFF][\\x80-\\xBF]*|[^/])";  // one character: a UTF-8 sequence, or any other byte
    } else if (c == '[') {
      const size_t close = glob.find(']', i + 1);
      if (close == std::string::npos) {
        regex += "\\[";
      } else {
        std::string set = glob.substr(i + 1, close - i - 1);
        if (!set.empty() && set[0] == '!') set[0] = '^';
        regex += "[" + set + "]";
        i = close;
      }
    } else {
      regex += RE2::QuoteMeta(std::string(1, c));
    }
  }
  if (!glob.empty() && glob.back() == '/') regex += ".*";  // a folder: everything in it
  return regex;
}

// Paths are bytes: a folder name may hold a newline or invalid UTF-8, and must
// still match "*.md". So the regex reads bytes (Latin-1) and '.' spans '\n'.
RE2::Options PathOptions() {
  RE2::Options options(RE2::Quiet);
  options.set_encoding(RE2::Options::EncodingLatin1);
  options.set_dot_nl(true);
  return options;
}

}  // namespace

Glob::Glob(const std::string& pattern)
    : pattern_(pattern), regex_(std::make_shared<const RE2>(GlobToRegex(pattern), PathOptions())) {}

bool Glob::Matches(const std::string& path) const { return regex_->ok() && RE2::FullMatch(path, *regex_); }

}  // namespace digestlint
