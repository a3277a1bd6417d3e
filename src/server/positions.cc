#include "server/positions.h"

#include <algorithm>

namespace digestlint::server {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Bytes in the UTF-8 sequence that `lead` starts (1 for a stray continuation byte).
size_t SequenceLength(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

// Code units of one code point, given its UTF-8 length.
int Units(size_t sequence_length, PositionEncoding encoding) {
  if (encoding == PositionEncoding::kUtf8) return static_cast<int>(sequence_length);
  return sequence_length == 4 ? 2 : 1;  // astral code points are a surrogate pair
}

}  // namespace

std::string_view EncodingName(PositionEncoding encoding) {
  return encoding == PositionEncoding::kUtf8 ? "utf-8" : "utf-16";
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  if (text_.substr(0, kBom.size()) == kBom) bom_size_ = kBom.size();
  line_starts_.push_back(0);
  for (size_t i = 0; i < text_.size(); ++i) {
    const bool crlf = text_[i] == '\r' && i + 1 < text_.size() && text_[i + 1] == '\n';
    if (text_[i] == '\n' || (text_[i] == '\r' && !crlf)) line_starts_.push_back(i + 1);
  }
}

size_t LineIndex::LineContentEnd(size_t line) const {
  size_t end = line + 1 < line_starts_.size() ? line_starts_[line + 1] : text_.size();
  if (end > line_starts_[line] && text_[end - 1] == '\n') --end;
  if (end > line_starts_[line] && text_[end - 1] == '\r') --end;
  return end;
}

LspPosition LineIndex::PositionOf(size_t offset, PositionEncoding encoding) const {
  offset = std::min(offset, text_.size());
  const auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const size_t line = static_cast<size_t>(next - line_starts_.begin()) - 1;
  int character = 0;
  for (size_t i = line_starts_[line]; i < offset;) {
    const size_t length = SequenceLength(static_cast<unsigned char>(text_[i]));
    character += Units(length, encoding);
    i += length;
  }
  return LspPosition{static_cast<int>(line), character};
}

size_t LineIndex::OffsetOf(LspPosition position, PositionEncoding encoding) const {
  if (position.line < 0) return 0;
  if (static_cast<size_t>(position.line) >= line_starts_.size()) return text_.size();
  const size_t line = static_cast<size_t>(position.line);
  const size_t end = LineContentEnd(line);
  size_t offset = line_starts_[line];
  for (int character = 0; offset < end;) {
    const size_t length = SequenceLength(static_cast<unsigned char>(text_[offset]));
    const int units = Units(length, encoding);
    if (character + units > position.character) break;
    character += units;
    offset = std::min(offset + length, end);
  }
  return offset;
}

size_t LineIndex::OffsetOfLinterPosition(Position position) const {
  if (position.line < 1) return 0;
  const size_t line = std::min(static_cast<size_t>(position.line) - 1, line_starts_.size() - 1);
  size_t offset = line_starts_[line] + (line == 0 ? bom_size_ : 0);
  // Columns may run past the line's end (a span ending at its line break).
  for (int column = 1; column < position.column && offset < text_.size(); ++column) {
    offset = std::min(offset + SequenceLength(static_cast<unsigned char>(text_[offset])), text_.size());
  }
  return offset;
}

}  // namespace digestlint::server
