#pragma once
// Text for people: what every human-readable output (human, concise, github,
// junit text, statistics, summaries, error messages) passes through, and how
// wide it is on a terminal. A file name or title must never move the cursor,
// retitle the terminal, reorder text or hide a character.

#include <cstddef>
#include <string>
#include <string_view>

namespace digestlint {

/// `text` with every character a terminal would act on or hide made visible:
/// C0 controls, DEL and C1 controls as `\t` `\n` `\r` or `\xNN` (ESC is
/// `\x1b`), bidi controls and zero-width characters as `\u{NNNN}`, and bytes
/// that are not UTF-8 as `\xNN`. Everything else is unchanged.
std::string EscapeForTerminal(std::string_view text);

/// True when EscapeForTerminal would change `text` (the common case is false, and fast).
bool NeedsTerminalEscape(std::string_view text);

/// Columns a terminal gives `text` once escaped: per grapheme cluster, its
/// widest code point (East Asian wide characters 2, combining marks 0, from
/// libutf8proc); a tab runs to the next multiple of 8 counted from
/// `start_column`.
size_t DisplayWidth(std::string_view text, size_t start_column = 0);

/// One line of source shown under a diagnostic, and where its carets go.
struct SnippetLayout {
  std::string text;         // escaped, tabs expanded, cut with "…" at either end when long
  size_t caret_column = 0;  // display columns before the first caret
  size_t caret_count = 1;   // at least 1
};

/// Lays out `line` (one line of a post, without its terminator) for a
/// diagnostic spanning bytes [begin, end) of it, showing at most about
/// `max_width` columns around `begin`. The work is bounded by `max_width`, not
/// by the length of the line, so thousands of diagnostics on one long line
/// cost linear time and memory.
SnippetLayout LayoutSnippet(std::string_view line, size_t begin, size_t end, size_t max_width = 100);

}  // namespace digestlint
