#pragma once
// Seeded mutations of posts, as a broken pipeline or a careless edit makes
// them: byte flips, truncations, duplicated, deleted and swapped lines, stray
// bytes and deep nesting. The same seed always gives the same mutant.

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <random>
#include <string>
#include <vector>

namespace digestlint::fuzz {

class Mutator {
 public:
  explicit Mutator(uint64_t seed) : random_(seed) {}

  /// `post` with one to three mutations applied.
  std::string Mutate(std::string post) {
    const int mutations = Uniform(1, 3);
    for (int i = 0; i < mutations; ++i) post = MutateOnce(std::move(post));
    return post;
  }

 private:
  int Uniform(int low, int high) { return std::uniform_int_distribution<int>(low, high)(random_); }
  /// A random index below `size` (0 when `size` is 0).
  size_t Index(size_t size) { return size == 0 ? 0 : std::uniform_int_distribution<size_t>(0, size - 1)(random_); }

  static std::vector<std::string> SplitLines(const std::string& text) {
    std::vector<std::string> lines;
    size_t start = 0;
    while (start < text.size()) {
      const size_t end = text.find('\n', start);
      const size_t stop = end == std::string::npos ? text.size() : end + 1;
      lines.push_back(text.substr(start, stop - start));
      start = stop;
    }
    return lines;
  }
  static std::string Join(const std::vector<std::string>& lines) {
    std::string text;
    for (const std::string& line : lines) text += line;
    return text;
  }

  std::string Nesting() {
    static const char* const kOpeners[] = {"[", "> ", "- ", "*", "_", "`", "<!--", "![", "  ", "{", "&a [*a, ", "#"};
    const std::string opener = kOpeners[Index(std::size(kOpeners))];
    std::string nested;
    for (int i = Uniform(20, 3000); i > 0; --i) nested += opener;
    return nested;
  }

  std::string MutateOnce(std::string text) {
    std::vector<std::string> lines = SplitLines(text);
    switch (Uniform(0, 6)) {
      case 0:  // flip bits in a few bytes
        for (int i = Uniform(1, 8); i > 0 && !text.empty(); --i) {
          text[Index(text.size())] ^= static_cast<char>(1 << Uniform(0, 7));
        }
        return text;
      case 1:  // truncate
        return text.substr(0, Index(text.size()));
      case 2:  // duplicate a line, sometimes many times
        if (!lines.empty()) {
          const size_t line = Index(lines.size());
          const size_t copies = Uniform(1, 3) == 3 ? static_cast<size_t>(Uniform(2, 200)) : 1;
          const std::string duplicated = lines[line];
          lines.insert(lines.begin() + static_cast<long>(line), copies, duplicated);
        }
        return Join(lines);
      case 3:  // delete a run of lines
        if (!lines.empty()) {
          const size_t first = Index(lines.size());
          const size_t count = std::min(lines.size() - first, static_cast<size_t>(Uniform(1, 10)));
          lines.erase(lines.begin() + static_cast<long>(first), lines.begin() + static_cast<long>(first + count));
        }
        return Join(lines);
      case 4:  // swap two lines
        if (lines.size() > 1) {
          const size_t first = Index(lines.size());
          const size_t second = Index(lines.size());
          std::swap(lines[first], lines[second]);
        }
        return Join(lines);
      case 5: {  // stray bytes: NUL, CR, invalid UTF-8, a BOM, a fence
        static const std::string kStray[] = {
            std::string(1, '\0'), "\r", "\xFF", "\xC3", "\xEF\xBB\xBF", "```\n", "---\n", "\r\n", "—"};
        text.insert(Index(text.size()), kStray[Index(std::size(kStray))]);
        return text;
      }
      default:  // deep nesting at the start of a line
        if (lines.empty()) return Nesting();
        lines[Index(lines.size())].insert(0, Nesting());
        return Join(lines);
    }
  }

  std::mt19937_64 random_;
};

}  // namespace digestlint::fuzz
