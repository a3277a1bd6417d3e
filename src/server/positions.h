#pragma once
// Positions in an editor buffer as the Language Server Protocol counts them
// (0-based line, 0-based character in the negotiated encoding's code units),
// and their conversion to and from byte offsets and the linter's positions
// (1-based line, 1-based column in code points, after a dropped BOM).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "source_text.h"

namespace digestlint::server {

/// What LSP's `character` counts: UTF-16 code units (the protocol's default,
/// which every client supports) or UTF-8 bytes (when the client offers it).
enum class PositionEncoding { kUtf16, kUtf8 };

/// "utf-16" or "utf-8", as in `positionEncoding`.
std::string_view EncodingName(PositionEncoding encoding);

struct LspPosition {
  int line = 0;
  int character = 0;
  bool operator==(const LspPosition& other) const { return line == other.line && character == other.character; }
  bool operator<(const LspPosition& other) const {
    return line < other.line || (line == other.line && character < other.character);
  }
  bool operator<=(const LspPosition& other) const { return !(other < *this); }
};

struct LspRange {
  LspPosition start;
  LspPosition end;
};

/// Line starts of a text, with the line breaks LSP, CommonMark and YAML agree
/// on ("\n", "\r\n", a lone "\r"). The text must outlive the index.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);

  /// The position of byte `offset` (clamped to the text).
  LspPosition PositionOf(size_t offset, PositionEncoding encoding) const;
  /// The byte offset of `position`: a line past the end means the end of the
  /// text, a character past the line's end means the line's end (as LSP
  /// says), and a character inside a code point means that code point's start.
  size_t OffsetOf(LspPosition position, PositionEncoding encoding) const;

  /// The byte offset of a linter position, which counts code points and
  /// leaves out a leading BOM on line 1.
  size_t OffsetOfLinterPosition(Position position) const;
  /// The byte offset of a linter span offset (SourceText::text(), after a BOM).
  size_t OffsetOfLinterOffset(size_t offset) const { return offset + bom_size_; }

  int line_count() const { return static_cast<int>(line_starts_.size()); }

 private:
  size_t LineContentEnd(size_t line) const;  // 0-based line; where its terminator starts

  std::string_view text_;
  size_t bom_size_ = 0;
  std::vector<size_t> line_starts_;  // one more than SourceText when the text ends with a break
};

}  // namespace digestlint::server
