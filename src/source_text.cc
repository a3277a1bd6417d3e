#include "source_text.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace digestlint {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Sixteen bytes compared at once (GCC and Clang vector extensions: SSE2 on
// x86-64, NEON on ARM, plain words elsewhere).
using Bytes = unsigned char __attribute__((vector_size(16)));
using Mask = signed char __attribute__((vector_size(16)));  // all ones where true; also signed bytes
constexpr size_t kLanes = sizeof(Bytes);

Bytes LoadBytes(const char* bytes) {
  Bytes lanes;
  std::memcpy(&lanes, bytes, kLanes);
  return lanes;
}

Bytes Splat(unsigned char byte) { return Bytes{} + byte; }

// Whether the byte `current` breaks UTF-8 (or is NUL) after the bytes
// `back3`, `back2`, `back1`: one test per byte position, so that sixteen
// positions can be tested at once. It is a continuation byte exactly when one
// of the three before it starts a sequence that long; C0, C1 and F5 to FF
// never occur; the byte after E0, ED, F0 and F4 excludes overlong forms,
// surrogates and values past U+10FFFF.
bool BreaksUtf8(unsigned char back3, unsigned char back2, unsigned char back1, unsigned char current) {
  const bool expected = back1 >= 0xC0 || back2 >= 0xE0 || back3 >= 0xF0;
  const bool continuation = (current & 0xC0) == 0x80;
  const bool invalid = current == 0 || current == 0xC0 || current == 0xC1 || current >= 0xF5;
  const bool out_of_range = (back1 == 0xE0 && current < 0xA0) || (back1 == 0xED && current > 0x9F) ||
                            (back1 == 0xF0 && current < 0x90) || (back1 == 0xF4 && current > 0x8F);
  return expected != continuation || invalid || out_of_range;
}

// A byte with its top bit flipped, as a signed byte: unsigned order becomes
// signed order, which SSE2 compares in one instruction.
Mask Flipped(const char* bytes) { return reinterpret_cast<Mask>(LoadBytes(bytes) ^ Splat(0x80)); }
Mask MaskSplat(unsigned char bits) { return Mask{} + static_cast<signed char>(bits); }
Mask FlippedSplat(unsigned char byte) { return MaskSplat(byte ^ 0x80); }

// BreaksUtf8 for the sixteen positions from `at` (the three bytes before `at` are read).
Mask BreaksUtf8(const char* at) {
  const Mask current = Flipped(at);
  const Mask back1 = Flipped(at - 1);
  const Mask expected =
      (back1 > FlippedSplat(0xBF)) | (Flipped(at - 2) > FlippedSplat(0xDF)) | (Flipped(at - 3) > FlippedSplat(0xEF));
  const Mask continuation = (current & MaskSplat(0xC0)) == Mask{};  // 80 to BF, flipped: 00 to 3F
  const Mask invalid = (current == FlippedSplat(0)) | ((current & MaskSplat(0xFE)) == FlippedSplat(0xC0)) |
                       (current > FlippedSplat(0xF4));
  const Mask out_of_range = ((back1 == FlippedSplat(0xE0)) & (current < FlippedSplat(0xA0))) |
                            ((back1 == FlippedSplat(0xED)) & (current > FlippedSplat(0x9F))) |
                            ((back1 == FlippedSplat(0xF0)) & (current < FlippedSplat(0x90))) |
                            ((back1 == FlippedSplat(0xF4)) & (current > FlippedSplat(0x8F)));
  return (expected ^ continuation) | invalid | out_of_range;
}

bool AnyTrue(Mask mask) {
  uint64_t halves[2];
  std::memcpy(halves, &mask, kLanes);
  return (halves[0] | halves[1]) != 0;
}

// Whether `bytes` is UTF-8 with no NUL: BreaksUtf8 at every position, and
// after the last byte no sequence may still expect continuation bytes.
bool IsValidText(std::string_view bytes) {
  const size_t size = bytes.size();
  // Before the text: nothing that starts a sequence; after it: a plain space.
  const auto at = [&](size_t position, size_t back) -> unsigned char {
    if (position < back) return 0;
    return position - back < size ? static_cast<unsigned char>(bytes[position - back]) : ' ';
  };
  const auto breaks = [&](size_t position) {
    return BreaksUtf8(at(position, 3), at(position, 2), at(position, 1), at(position, 0));
  };
  size_t position = 0;
  for (; position < std::min<size_t>(3, size); ++position) {
    if (breaks(position)) return false;
  }
  Mask broken{};
  for (; size - position >= kLanes; position += kLanes) broken |= BreaksUtf8(bytes.data() + position);
  if (AnyTrue(broken)) return false;
  for (; position <= size; ++position) {  // the tail, and the end
    if (breaks(position)) return false;
  }
  return true;
}

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
  if (IsValidText(bytes)) return std::nullopt;
  // Rare: sequence by sequence, to name the first problem.
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

size_t CountByte(std::string_view text, char byte) {
  size_t count = 0;
  size_t i = 0;
  const Bytes wanted = Splat(static_cast<unsigned char>(byte));
  while (text.size() - i >= kLanes) {
    // A match is a lane of all ones (255 as a byte): subtracting it adds 1, up to 255 per lane.
    Bytes matches{};
    const size_t end = i + std::min<size_t>((text.size() - i) / kLanes, 255) * kLanes;
    for (; i < end; i += kLanes) matches -= reinterpret_cast<Bytes>(LoadBytes(text.data() + i) == wanted);
    for (size_t lane = 0; lane < kLanes; ++lane) count += matches[lane];
  }
  return count + static_cast<size_t>(std::count(text.begin() + static_cast<std::ptrdiff_t>(i), text.end(), byte));
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
