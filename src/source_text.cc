#include "source_text.h"

#include <algorithm>

namespace digestlint {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Length of the UTF-8 sequence starting at `i`, or 0 when it is malformed
// (overlong forms, surrogates and values past U+10FFFF included).
size_t Utf8SequenceLength(std::string_view bytes, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(bytes[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) return 1;
  size_t length = 0;
  unsigned char min_second = 0x80;
  unsigned char max_second = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) min_second = 0xA0;
    if (lead == 0xED) max_second = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) min_second = 0x90;
    if (lead == 0xF4) max_second = 0x8F;
  } else {
    return 0;
  }
  if (i + length > bytes.size()) return 0;
  if (byte(i + 1) < min_second || byte(i + 1) > max_second) return 0;
  for (size_t k = 2; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  }
  return length;
}

}  // namespace

std::optional<EncodingProblem> FindEncodingProblem(std::string_view bytes) {
  for (size_t i = 0; i < bytes.size();) {
    if (bytes[i] == '\0') return EncodingProblem{i, "NUL byte (binary data?)"};
    const size_t length = Utf8SequenceLength(bytes, i);
    if (length == 0) return EncodingProblem{i, "invalid UTF-8 byte sequence"};
    i += length;
  }
  return std::nullopt;
}

size_t CountCodePoints(std::string_view text) {
  return static_cast<size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

SourceText::SourceText(std::string bytes) : text_(std::move(bytes)) {
  if (text_.compare(0, kBom.size(), kBom) == 0) {
    has_bom_ = true;
    text_.erase(0, kBom.size());
  }
  line_starts_.push_back(0);
  // Line breaks as CommonMark and YAML read them: "\n", "\r\n" and a lone "\r".
  if (text_.find('\r') == std::string::npos) {  // the usual case: memchr-fast
    for (size_t i = text_.find('\n'); i != std::string::npos && i + 1 < text_.size(); i = text_.find('\n', i + 1)) {
      line_starts_.push_back(i + 1);
    }
    return;
  }
  for (size_t i = 0; i + 1 < text_.size(); ++i) {
    const bool lone_cr = text_[i] == '\r' && text_[i + 1] != '\n';
    if (text_[i] == '\n' || lone_cr) line_starts_.push_back(i + 1);
  }
}

int SourceText::LineOf(size_t offset) const {
  const auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), std::min(offset, text_.size()));
  return static_cast<int>(next - line_starts_.begin());
}

Position SourceText::PositionOf(size_t offset) const {
  offset = std::min(offset, text_.size());
  const auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const size_t index = static_cast<size_t>(next - line_starts_.begin()) - 1;
  const size_t start = line_starts_[index];
  const size_t column = CountCodePoints(std::string_view(text_).substr(start, offset - start));
  return Position{static_cast<int>(index) + 1, static_cast<int>(column) + 1};
}

Position SourceText::PositionOf(size_t offset, Hint& hint) const {
  offset = std::min(offset, text_.size());
  if (hint.position.line > 0 && hint.offset <= offset && offset < hint.line_end) {
    hint.position.column +=
        static_cast<int>(CountCodePoints(std::string_view(text_).substr(hint.offset, offset - hint.offset)));
  } else {
    hint.position = PositionOf(offset);
    hint.line_end = LineStart(hint.position.line + 1);
  }
  hint.offset = offset;
  return hint.position;
}

size_t SourceText::LineStart(int line) const {
  if (line < 1) return 0;
  if (static_cast<size_t>(line) > line_starts_.size()) return text_.size();
  return line_starts_[static_cast<size_t>(line) - 1];
}

size_t SourceText::LineContentEnd(int line) const {
  const size_t start = LineStart(line);
  return start + Line(line).size();
}

std::string_view SourceText::LineEnding() const {
  const size_t end = text_.find_first_of("\r\n");
  if (end == std::string::npos || text_[end] == '\n') return "\n";
  return end + 1 < text_.size() && text_[end + 1] == '\n' ? "\r\n" : "\r";
}

std::string_view SourceText::Line(int line) const {
  if (line < 1 || line > line_count()) return {};
  const size_t start = LineStart(line);
  size_t end = LineStart(line + 1);
  if (end > start && text_[end - 1] == '\n') --end;
  if (end > start && text_[end - 1] == '\r') --end;
  return std::string_view(text_).substr(start, end - start);
}

}  // namespace digestlint
