// What people see: escaping of characters a terminal would act on or hide,
// display width from libutf8proc, and the snippet under a diagnostic.
#include <catch2/catch.hpp>

#include "terminal_text.h"
#include "test_support.h"

namespace digestlint {
namespace {

using testing::RunDigestlint;
using testing::TempDir;
using testing::WriteFile;

TEST_CASE("controls, bidi and zero-width characters and broken UTF-8 are made visible", "[terminal]") {
  CHECK(EscapeForTerminal("plain text, 한국어, é") == "plain text, 한국어, é");
  CHECK(EscapeForTerminal("a\033]0;pwned\007b") == "a\\x1b]0;pwned\\x07b");  // retitles a terminal
  CHECK(EscapeForTerminal("\033[2J") == "\\x1b[2J");                         // clears the screen
  CHECK(EscapeForTerminal("tab\tnew\nline\rdel\x7f") == "tab\\tnew\\nline\\rdel\\x7f");
  CHECK(EscapeForTerminal("c1 \xc2\x9b csi") == "c1 \\u{9b} csi");
  CHECK(EscapeForTerminal("2510\xe2\x80\xae"
                          "12345") == "2510\\u{202e}12345");      // RIGHT-TO-LEFT OVERRIDE
  CHECK(EscapeForTerminal("id\xe2\x80\x8b") == "id\\u{200b}");    // ZERO WIDTH SPACE
  CHECK(EscapeForTerminal("\xef\xbb\xbfx") == "\\u{feff}x");      // BOM
  CHECK(EscapeForTerminal("caf\xe9!") == "caf\\xe9!");            // Latin-1, not UTF-8
  CHECK(EscapeForTerminal("\xed\xa0\x80") == "\\xed\\xa0\\x80");  // a surrogate
  CHECK_FALSE(NeedsTerminalEscape("Daily Papers — 2025-10-27 🎉"));
  CHECK(NeedsTerminalEscape("x\x01"));
}

TEST_CASE("display width counts grapheme clusters, wide characters and tab stops", "[terminal][width]") {
  CHECK(DisplayWidth("abc") == 3);
  CHECK(DisplayWidth("한국어") == 6);                                // precomposed Hangul: wide
  CHECK(DisplayWidth("\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab") == 2);  // 한 in NFD: three jamo, one wide cluster
  CHECK(DisplayWidth("e\xcc\x81") == 1);                             // e + COMBINING ACUTE ACCENT
  CHECK(DisplayWidth("a\xcc\x81\xcc\xa7") == 1);                     // two combining marks
  CHECK(DisplayWidth("👍") == 2);
  CHECK(DisplayWidth("👍\xf0\x9f\x8f\xbd") == 2);                 // thumbs up + skin tone modifier
  CHECK(DisplayWidth("\xf0\x9f\x87\xb0\xf0\x9f\x87\xb7") == 2);  // a flag: two regional indicators
  CHECK(DisplayWidth("\t") == 8);
  CHECK(DisplayWidth("ab\tc") == 9);
  CHECK(DisplayWidth("\t", 3) == 5);  // to the next multiple of 8
  CHECK(DisplayWidth("\x1b") == 4);   // shown as \x1b
}

// The caret column and count for the span [begin, end) of `line`.
std::pair<size_t, size_t> Carets(const std::string& line, const std::string& before_span, const std::string& span) {
  const SnippetLayout layout = LayoutSnippet(line, before_span.size(), before_span.size() + span.size());
  return {layout.caret_column, layout.caret_count};
}

TEST_CASE("carets stand under the span whatever comes before it", "[terminal][width]") {
  const std::string nfd = "\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab";  // 한, decomposed
  CHECK(Carets("# " + nfd + nfd + "  x", "# " + nfd + nfd, "  ") == std::make_pair<size_t, size_t>(6, 2));
  CHECK(Carets("cafe\xcc\x81  bar", "cafe\xcc\x81", "  ") == std::make_pair<size_t, size_t>(4, 2));
  CHECK(Carets("👍\xf0\x9f\x8f\xbd  ok", "👍\xf0\x9f\x8f\xbd", "  ") == std::make_pair<size_t, size_t>(2, 2));
  CHECK(Carets("\tx  y", "\tx", "  ") == std::make_pair<size_t, size_t>(9, 2));
  CHECK(Carets("wide 한국어", "wide ", "한국어") == std::make_pair<size_t, size_t>(5, 6));
  CHECK(Carets("end", "end", "") == std::make_pair<size_t, size_t>(3, 1));  // at the end of the line
  const SnippetLayout tabs = LayoutSnippet("\tx", 1, 2);
  CHECK(tabs.text == "        x");  // tabs expanded, so the carets line up in any terminal
  const SnippetLayout escaped = LayoutSnippet("a\033[2Jb", 5, 6);
  CHECK(escaped.text == "a\\x1b[2Jb");
  CHECK(escaped.caret_column == 8);
}

TEST_CASE("a snippet of a long line is a window around the span", "[terminal][width]") {
  const std::string line = std::string(5000, 'a') + "XY" + std::string(5000, 'b');
  const SnippetLayout layout = LayoutSnippet(line, 5000, 5002, 100);
  CHECK(layout.text.size() < 120 + 2 * std::string("…").size());
  CHECK(layout.text.rfind("…", 0) == 0);
  CHECK(layout.text.size() >= 3);
  CHECK(layout.text.compare(layout.text.size() - 3, 3, "…") == 0);
  // The carets stand under XY in the window.
  CHECK(DisplayWidth(layout.text.substr(0, layout.text.find("XY"))) == layout.caret_column);
  CHECK(layout.caret_count == 2);
  // A short line is shown whole, without ellipses.
  CHECK(LayoutSnippet("short line", 6, 10).text == "short line");
  // The start of a long line is shown from the start.
  const SnippetLayout start = LayoutSnippet(line, 3, 4, 100);
  CHECK(start.text.rfind("aaa", 0) == 0);
  CHECK(start.caret_column == 3);
}

TEST_CASE("human output aligns carets under decomposed Hangul and escapes what it prints", "[terminal][cli]") {
  TempDir dir;
  std::string post = testing::ReadFile(testing::SourceDir() / "tests/fixtures/DL501_title_whitespace/clean.md");
  const std::string nfd = "\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab";  // 한, decomposed
  post.replace(post.find("A Study of Things"), 17, nfd + "e\xcc\x81  title");
  const std::string name = "p\033[31m.md";  // a file name with an escape sequence
  WriteFile(dir.path() / name, post);
  const auto run = RunDigestlint({"--no-config", "--color=never", (dir.path() / name).string()});
  const std::string shown_name = (dir.path() / "p\\x1b[31m.md").string();
  CHECK(run.out == shown_name +
                       ":9:12: warning[DL501 title-whitespace] [*] paper title has a run of 2 whitespace characters; "
                       "use a single space\n"
                       " 9 | # 1. [" +
                       nfd + "e\xcc\x81  title](https://arxiv.org/abs/2510.19871)\n" + "   |          ^^\n");
  CHECK(run.out.find('\033') == std::string::npos);
  const auto concise = RunDigestlint({"--no-config", "--format", "concise", (dir.path() / name).string()});
  CHECK(concise.out.find('\033') == std::string::npos);
  CHECK(concise.out.rfind(shown_name + ":9:12: DL501 [*] ", 0) == 0);
}

}  // namespace
}  // namespace digestlint
