#include <catch2/catch.hpp>

#include <optional>
#include <random>
#include <string>

#include "source_text.h"

namespace digestlint {
namespace {

// The offset of the first sequence that is not UTF-8 (or NUL), decoded code
// point by code point: an independent reading of RFC 3629.
std::optional<size_t> FirstBadSequence(const std::string& bytes) {
  for (size_t i = 0; i < bytes.size();) {
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(bytes[k]); };
    const unsigned lead = byte(i);
    const size_t length = lead < 0x80 ? 1 : lead >> 5 == 0x6 ? 2 : lead >> 4 == 0xE ? 3 : lead >> 3 == 0x1E ? 4 : 0;
    if (length == 0 || lead == 0 || i + length > bytes.size()) return i;
    unsigned code_point = length == 1 ? lead : lead & (0xFF >> (length + 1));
    for (size_t k = 1; k < length; ++k) {
      if ((byte(i + k) & 0xC0) != 0x80) return i;
      code_point = code_point << 6 | (byte(i + k) & 0x3F);
    }
    const unsigned smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code_point < smallest[length] || code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF)) {
      return i;
    }
    i += length;
  }
  return std::nullopt;
}

TEST_CASE("columns count code points, not bytes", "[source]") {
  const SourceText source("ab\n한국어 x\n");
  CHECK(source.PositionOf(0).line == 1);
  CHECK(source.PositionOf(1).column == 2);
  const size_t x = source.text().find('x');
  CHECK(source.PositionOf(x).line == 2);
  CHECK(source.PositionOf(x).column == 5);  // three Hangul syllables and a space
}

TEST_CASE("a BOM is dropped and remembered, and CRLF lines exclude the CR", "[source]") {
  const SourceText source("\xEF\xBB\xBF---\r\ntitle: x\r\n");
  CHECK(source.has_bom());
  CHECK(source.Line(1) == "---");
  CHECK(source.Line(2) == "title: x");
  CHECK(source.line_count() == 2);
  CHECK(source.PositionOf(source.text().find("title")).column == 1);
}

TEST_CASE("a lone CR breaks a line, as it does for cmark and YAML", "[source]") {
  const SourceText source("a\rb\r\nc\nd");
  CHECK(source.line_count() == 4);
  CHECK(source.Line(1) == "a");
  CHECK(source.Line(2) == "b");
  CHECK(source.Line(3) == "c");
  CHECK(source.PositionOf(source.text().find('c')).line == 3);
  CHECK(source.LineEnding() == "\r");
  CHECK(SourceText("a\r\nb\rc").LineEnding() == "\r\n");
  CHECK(SourceText("a\nb\rc").LineEnding() == "\n");
}

TEST_CASE("encoding problems name the first bad byte", "[source]") {
  CHECK_FALSE(FindEncodingProblem("plain ASCII and 한국어 — ✓"));
  const auto invalid = FindEncodingProblem("ok\xff rest");
  REQUIRE(invalid);
  CHECK(invalid->offset == 2);
  CHECK(invalid->reason == "invalid UTF-8 byte sequence");
  const auto nul = FindEncodingProblem(std::string("a\0b", 3));
  REQUIRE(nul);
  CHECK(nul->offset == 1);
  CHECK(nul->reason.find("NUL") != std::string::npos);
  CHECK(FindEncodingProblem("\xC0\x80"));          // overlong NUL
  CHECK(FindEncodingProblem("\xED\xA0\x80"));      // UTF-16 surrogate
  CHECK(FindEncodingProblem("\xF4\x90\x80\x80"));  // past U+10FFFF
  CHECK(FindEncodingProblem("\xE2\x80"));          // truncated
}

// The scan takes 64 bytes at a time while they are plain ASCII: a problem at
// any offset of a long text, inside or after such blocks, is still found.
TEST_CASE("encoding problems are found at every offset of a long text", "[source]") {
  const std::string ascii(200, 'a');
  for (size_t offset = 0; offset < ascii.size(); ++offset) {
    for (const std::string& bad :
         {std::string(1, '\0'), std::string("\xff"), std::string("\xC0\x80"), std::string("\xE2\x80")}) {
      std::string text = ascii;
      text.replace(offset, std::min(bad.size(), text.size() - offset), bad);
      const auto problem = FindEncodingProblem(text);
      REQUIRE(problem);
      CHECK(problem->offset == offset);
    }
    // A valid character there is no problem, nor is a DEL or a byte just below 0x80.
    std::string text = ascii;
    text.replace(offset, 1, offset % 2 ? "\u00e9" : "\x7f");
    CHECK_FALSE(FindEncodingProblem(text));
  }
}

// Valid text of every sequence length, with bytes changed at random: the
// sixteen-at-a-time scan and a plain decoder agree on the first problem.
TEST_CASE("encoding problems match a plain UTF-8 decoder on mutated text", "[source]") {
  const std::string valid =
      "## 결과 — naïve 😀 text\n- Goal: 제안 \u00a0\u0800\uffff\U00010000\U0010ffff\ud7ff\ue000 ok\n";
  std::mt19937 random(17);
  const unsigned char interesting[] = {0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1,
                                       0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 'a'};
  CHECK_FALSE(FindEncodingProblem(valid + valid + valid));
  for (int round = 0; round < 20000; ++round) {
    std::string text = valid + valid;
    const size_t changes = 1 + random() % 3;
    for (size_t change = 0; change < changes; ++change) {
      text[random() % text.size()] = static_cast<char>(interesting[random() % sizeof interesting]);
    }
    text.resize(text.size() - random() % 8);
    const auto problem = FindEncodingProblem(text);
    const auto expected = FirstBadSequence(text);
    REQUIRE(problem.has_value() == expected.has_value());
    if (problem) REQUIRE(problem->offset == *expected);
  }
}

TEST_CASE("CountByte counts every occurrence, past 255 per lane and in the tail", "[source]") {
  CHECK(CountByte("", '[') == 0);
  CHECK(CountByte("[a](b) [c]", '[') == 2);
  for (size_t size : {15, 16, 17, 64, 4095, 4096, 4097, 10000}) {
    std::string text(size, '[');
    CHECK(CountByte(text, '[') == size);
    for (size_t i = 0; i < size; i += 3) text[i] = 'x';
    CHECK(CountByte(text, '[') == size - (size + 2) / 3);
    CHECK(CountByte(text, 'x') == (size + 2) / 3);
    CHECK(CountByte(text, '\xff') == 0);
  }
  std::string high(300, '\xff');
  CHECK(CountByte(high, '\xff') == 300);
}

}  // namespace
}  // namespace digestlint
