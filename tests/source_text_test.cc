#include <catch2/catch.hpp>

#include "source_text.h"

namespace digestlint {
namespace {

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

}  // namespace
}  // namespace digestlint
