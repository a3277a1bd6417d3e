#pragma once
// The text of one post, and the mapping from byte offsets to the line and
// column a user sees (1-based, columns counted in Unicode code points).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace digestlint {

struct Position {
  int line = 1;    // 1-based
  int column = 1;  // 1-based, in code points
};

/// Byte range [begin, end) in SourceText::text().
struct Span {
  size_t begin = 0;
  size_t end = 0;
};

/// Where bytes stop being valid UTF-8 text, and why.
struct EncodingProblem {
  size_t offset = 0;
  std::string reason;
};

/// Checks that `bytes` is UTF-8 with no NUL byte; returns the first problem.
std::optional<EncodingProblem> FindEncodingProblem(std::string_view bytes);

/// Number of bytes of `text` equal to `byte` (std::count, sixteen at a time).
size_t CountByte(std::string_view text, char byte);

/// Number of code points in valid UTF-8 text.
size_t CountCodePoints(std::string_view text);

class SourceText {
 public:
  /// Takes the raw file bytes; a leading UTF-8 BOM is remembered and removed,
  /// so offset 0 is the first character an editor shows.
  explicit SourceText(std::string bytes);

  const std::string& text() const { return text_; }
  bool has_bom() const { return has_bom_; }
  int line_count() const { return static_cast<int>(line_starts_.size()); }

  /// The 1-based line containing `offset` (cheaper than PositionOf).
  int LineOf(size_t offset) const;
  /// The line containing `offset` and the column of `offset` in it.
  Position PositionOf(size_t offset) const;
  /// Where a PositionOf call landed; offsets resolved in increasing order
  /// along one line then cost time linear in the line, not in each offset.
  struct Hint {
    size_t offset = 0;
    size_t line_end = 0;  // the next line's start: the hint holds below it
    Position position{0, 0};
  };
  Position PositionOf(size_t offset, Hint& hint) const;
  /// Byte offset of the start of 1-based `line` (text().size() past the end).
  size_t LineStart(int line) const;
  /// Line `line` without its line terminator ("\n", "\r\n" or a lone "\r").
  std::string_view Line(int line) const;
  /// Offset just past line `line`'s content: where its terminator starts.
  size_t LineContentEnd(int line) const;
  /// The file's line terminator, from its first line: "\n", "\r\n" or "\r".
  std::string_view LineEnding() const;

 private:
  std::string text_;
  bool has_bom_ = false;
  std::vector<size_t> line_starts_;
};

}  // namespace digestlint
